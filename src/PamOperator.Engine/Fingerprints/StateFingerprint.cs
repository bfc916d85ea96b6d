using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Fingerprints;

/// <summary>
/// Identifies the observed live state a plan was computed from: a SHA-256 (<see cref="Value"/>) over the canonical
/// form of every live object of <see cref="ObservedTypes"/> (sorted by type, then key), plus one digest per object.
/// An applier re-observes the same types, fingerprints again, and refuses a stale plan, naming what changed.
/// </summary>
public sealed record StateFingerprint(string Value, IReadOnlyList<ObjectType> ObservedTypes, IReadOnlyList<ObjectHash> Objects)
{
    /// <summary>Fingerprints the objects of <paramref name="observedTypes"/> in <paramref name="live"/>. Pure.</summary>
    public static StateFingerprint Compute(LiveState live, IEnumerable<ObjectType> observedTypes) =>
        Fingerprinter.Compute(live, observedTypes);

    /// <summary>The objects that differ between this (the plan's) fingerprint and <paramref name="current"/>; empty
    /// when the states are the same. Sorted by type then key.</summary>
    public IReadOnlyList<FingerprintDifference> Compare(StateFingerprint current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var before = Index(Objects);
        var now = Index(current.Objects);
        var differences = new List<FingerprintDifference>();
        foreach (var (id, hash) in before)
        {
            if (!now.TryGetValue(id, out var other))
            {
                differences.Add(new(id.Type, id.Key, FingerprintChangeKind.Removed));
            }
            else if (!string.Equals(hash, other, StringComparison.Ordinal))
            {
                differences.Add(new(id.Type, id.Key, FingerprintChangeKind.Changed));
            }
        }

        differences.AddRange(now.Keys.Where(id => !before.ContainsKey(id))
            .Select(id => new FingerprintDifference(id.Type, id.Key, FingerprintChangeKind.Added)));
        return [.. differences
            .OrderBy(d => d.Type)
            .ThenBy(d => d.Key, NaturalKey.Comparer)];
    }

    private static Dictionary<(ObjectType Type, string Key), string> Index(IEnumerable<ObjectHash> objects)
    {
        var index = new Dictionary<(ObjectType Type, string Key), string>(ObjectIdComparer.Instance);
        foreach (var o in objects)
        {
            index[(o.Type, o.Key)] = o.Hash;
        }

        return index;
    }
}
