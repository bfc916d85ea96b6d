using System.Text.Json.Nodes;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Planning;

/// <summary>
/// The working state of one live object that selector manifests select (or selected): the values of each carried
/// field and, for kinds with an owners field, which manifest added which value. Edited by <see cref="SelectorPlanner"/>
/// in manifest order, then turned into one change.
/// </summary>
internal sealed class SelectedObject(LiveObject live)
{
    public LiveObject Live { get; } = live;

    /// <summary>The fields touched (carried and owners fields), with their working values.</summary>
    public JsonObject After { get; } = [];

    /// <summary>Who touched it, in order: address, kind, location, policies, why.</summary>
    public List<(ObjectAddress Address, KindDescriptor Kind, SourceLocation? Location, ManagementPolicies Policies, string Why)> Contributors { get; } = [];

    /// <summary>True when some manifest selects it (it is shown even when nothing changes).</summary>
    public bool Selected { get; set; }

    /// <summary>The live values of <paramref name="field"/> (a string list), or the working ones once touched.</summary>
    public List<string> Values(string field) => Strings(After.ContainsKey(field) ? After[field] : Live.Spec[field]);

    /// <summary>The owners record of <paramref name="field"/>: manifest name to the values it added.</summary>
    public SortedDictionary<string, List<string>> Owners(string field)
    {
        var node = After.ContainsKey(field) ? After[field] : Live.Spec[field];
        var owners = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (owner, values) in node as JsonObject ?? [])
        {
            owners[owner] = Strings(values);
        }

        return owners;
    }

    /// <summary>Makes every wanted value present. With ownership, the manifest owns each value it adds and each value
    /// another manifest already owns (never one that is present unowned: made by hand), and releases the values it owns
    /// but no longer wants.</summary>
    public void Want(Selection selection, string owner, IReadOnlyList<string> wanted)
    {
        var values = Values(selection.TargetField);
        var missing = wanted.Where(v => !values.Contains(v, StringComparer.Ordinal)).ToList();
        values.AddRange(missing);
        SetValues(selection.TargetField, values);
        if (selection.OwnersField is not { } ownersField)
        {
            return;
        }

        var owners = Owners(ownersField);
        var othersOwn = owners.Where(o => o.Key != owner).SelectMany(o => o.Value).ToHashSet(StringComparer.Ordinal);
        var mine = owners.GetValueOrDefault(owner) ?? [];
        var claimed = wanted.Where(v => missing.Contains(v) || othersOwn.Contains(v) || mine.Contains(v)).Distinct(StringComparer.Ordinal).ToList();
        Release(selection, owner, keep: claimed);
    }

    /// <summary>Removes the values <paramref name="owner"/> added that no other manifest owns (except
    /// <paramref name="keep"/>, which it goes on owning), and its record when it owns nothing.</summary>
    public void Release(Selection selection, string owner, IReadOnlyList<string>? keep = null)
    {
        var ownersField = selection.OwnersField!;
        var owners = Owners(ownersField);
        var mine = owners.GetValueOrDefault(owner) ?? [];
        owners.Remove(owner);
        var othersOwn = owners.SelectMany(o => o.Value).ToHashSet(StringComparer.Ordinal);
        var drop = mine.Where(v => !othersOwn.Contains(v) && !(keep ?? []).Contains(v, StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
        if (drop.Count > 0)
        {
            SetValues(selection.TargetField, [.. Values(selection.TargetField).Where(v => !drop.Contains(v))]);
        }

        if (keep is { Count: > 0 })
        {
            owners[owner] = [.. keep];
        }

        SetOwners(ownersField, owners);
    }

    /// <summary>Forgets that <paramref name="owner"/> added anything; the values stay (deletionPolicy Orphan).</summary>
    public void Disown(Selection selection, string owner)
    {
        var owners = Owners(selection.OwnersField!);
        owners.Remove(owner);
        SetOwners(selection.OwnersField!, owners);
    }

    private void SetValues(string field, List<string> values) => After[field] = new JsonArray([.. values.Select(v => (JsonNode)v)]);

    private void SetOwners(string field, SortedDictionary<string, List<string>> owners)
    {
        var record = new JsonObject();
        foreach (var (owner, values) in owners)
        {
            record[owner] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
        }

        After[field] = record;
    }

    public static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray list => [.. list.OfType<JsonValue>().Select(v => v.ToString())],
        JsonValue single => [single.ToString()],
        _ => [],
    };
}
