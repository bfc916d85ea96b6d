using PamOperator.Core.Schema;

namespace PamOperator.Core.Providers;

/// <summary>Everything one observation returned: immutable, indexed by vendor-qualified type and natural key.</summary>
public sealed class LiveState
{
    private readonly Dictionary<ObjectType, Dictionary<string, LiveObject>> _byType = [];

    public LiveState(IEnumerable<LiveObject> objects)
    {
        foreach (var o in objects)
        {
            if (!_byType.TryGetValue(o.Type, out var byKey))
            {
                byKey = new Dictionary<string, LiveObject>(NaturalKey.Comparer);
                _byType[o.Type] = byKey;
            }

            byKey[o.Key] = o;
        }
    }

    public static LiveState Empty { get; } = new([]);

    /// <summary>All objects of one type (empty when none or not observed).</summary>
    public IReadOnlyCollection<LiveObject> OfType(ObjectType type) =>
        _byType.TryGetValue(type, out var byKey) ? byKey.Values : [];

    public LiveObject? Find(ObjectType type, string key) =>
        _byType.TryGetValue(type, out var byKey) && byKey.TryGetValue(key, out var o) ? o : null;

    public IEnumerable<LiveObject> All => _byType.Values.SelectMany(v => v.Values);
}
