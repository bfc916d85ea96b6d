using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Views;
using PamOperator.Engine.Views.PlanFileModel;

namespace PamOperator.Engine.Plans;

/// <summary>
/// Compares a saved plan (read from a plan file, which anyone with write access to it can edit) with the plan recomputed
/// from the manifests and the freshly observed PAM: change for change and, within a change, member for member (action,
/// ids, before/after, field changes, secret paths and reference digests, dependencies, reason) in their saved form, plus
/// the fingerprint and the target. Source locations are not compared (they depend on the working directory and change
/// nothing). Pure; the caller executes the recomputed plan only when this finds no difference.
/// </summary>
public static class PlanEquivalence
{
    /// <summary>Readable differences (<c>fudo_safe.x: fieldChanges differ</c>), sorted; empty when the plans are equal.</summary>
    public static IReadOnlyList<string> Differences(Plan saved, Plan recomputed)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(recomputed);
        var differences = new List<string>();
        if (!string.Equals(saved.Target, recomputed.Target, StringComparison.Ordinal))
        {
            differences.Add("the target PAM differs");
        }

        CompareFingerprints(saved.Fingerprint, recomputed.Fingerprint, differences);
        var before = Index(saved.Changes, differences, "the saved plan");
        var now = Index(recomputed.Changes, differences, "the recomputed plan");
        foreach (var (address, change) in before)
        {
            if (!now.TryGetValue(address, out var other))
            {
                differences.Add($"{address}: {change["action"]} in the saved plan, not in the plan the manifests give now");
                continue;
            }

            var members = change.Select(p => p.Key).Union(other.Select(p => p.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal);
            differences.AddRange(members
                .Where(m => CanonicalJson.Serialize(change[m]) != CanonicalJson.Serialize(other[m]))
                .Select(m => $"{address}: {m} differs"));
        }

        differences.AddRange(now.Where(p => !before.ContainsKey(p.Key))
            .Select(p => $"{p.Key}: {p.Value["action"]} in the plan the manifests give now, not in the saved plan"));
        return [.. differences.Order(StringComparer.Ordinal)];
    }

    private static void CompareFingerprints(StateFingerprint saved, StateFingerprint now, List<string> differences)
    {
        if (!saved.ObservedTypes.Order().SequenceEqual(now.ObservedTypes.Order()))
        {
            differences.Add("the fingerprint's observed types differ");
        }

        if (!string.Equals(saved.Value, now.Value, StringComparison.Ordinal) || saved.Compare(now).Count > 0)
        {
            differences.Add("the fingerprint differs");
        }
    }

    /// <summary>Each change in its saved form without its location, by address; an address twice is a difference.</summary>
    private static Dictionary<string, JsonObject> Index(IReadOnlyList<ResourceChange> changes, List<string> differences, string which)
    {
        var index = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var address = change.Address.ToString();
            var saved = PlanFileChange.From(change) with { Location = null };
            if (!index.TryAdd(address, (JsonObject)JsonSerializer.SerializeToNode(saved, PlanFile.Options)!))
            {
                differences.Add($"{address}: appears more than once in {which}");
            }
        }

        return index;
    }
}
