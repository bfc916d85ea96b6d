using PamOperator.Core.Schema;

namespace PamOperator.Engine.Fingerprints;

/// <summary>Compares (vendor-qualified type, natural key) pairs: the type ordinally, the key as <see cref="NaturalKey.Comparer"/> does.</summary>
internal sealed class ObjectIdComparer : IEqualityComparer<(ObjectType Type, string Key)>
{
    public static ObjectIdComparer Instance { get; } = new();

    public bool Equals((ObjectType Type, string Key) x, (ObjectType Type, string Key) y) =>
        x.Type == y.Type && NaturalKey.Comparer.Equals(x.Key, y.Key);

    public int GetHashCode((ObjectType Type, string Key) obj) =>
        HashCode.Combine(obj.Type, NaturalKey.Comparer.GetHashCode(obj.Key));
}
