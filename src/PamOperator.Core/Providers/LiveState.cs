using PamOperator.Core.Schema;

namespace PamOperator.Core.Providers;

/// <summary>Everything one observation returned: immutable, indexed by wire type and natural key.</summary>
public sealed class LiveState
{
    private readonly Dictionary<string, Dictionary<string, LiveObject>> _byType = new(StringComparer.Ordinal);

    public LiveState(IEnumerable<LiveObject> objects)
    {
        foreach (var o in objects)
        {
            if (!_byType.TryGetValue(o.WireType, out var byKey))
            {
                byKey = new Dictionary<string, LiveObject>(NaturalKey.Comparer);
                _byType[o.WireType] = byKey;
            }

            byKey[o.Key] = o;
        }
    }

    public static LiveState Empty { get; } = new([]);

    /// <summary>All objects of one wire type (empty when none or not observed).</summary>
    public IReadOnlyCollection<LiveObject> OfType(string wireType) =>
        _byType.TryGetValue(wireType, out var byKey) ? byKey.Values : [];

    public LiveObject? Find(string wireType, string key) =>
        _byType.TryGetValue(wireType, out var byKey) && byKey.TryGetValue(key, out var o) ? o : null;

    public IEnumerable<LiveObject> All => _byType.Values.SelectMany(v => v.Values);
}
