using PamOperator.Core.Schema;

namespace PamOperator.Engine.Fingerprints;

/// <summary>Compares (wire type, natural key) pairs: the type ordinally, the key as <see cref="NaturalKey.Comparer"/> does.</summary>
internal sealed class ObjectIdComparer : IEqualityComparer<(string WireType, string Key)>
{
    public static ObjectIdComparer Instance { get; } = new();

    public bool Equals((string WireType, string Key) x, (string WireType, string Key) y) =>
        string.Equals(x.WireType, y.WireType, StringComparison.Ordinal) && NaturalKey.Comparer.Equals(x.Key, y.Key);

    public int GetHashCode((string WireType, string Key) obj) =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.WireType), NaturalKey.Comparer.GetHashCode(obj.Key));
}
