using System.Collections.Concurrent;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// PAM name (or natural key) to id, per wire type, for one write session: starts from the observed state and learns
/// the ids of objects created during the session (real ids, or batch substitutions such as <c>{s3.safe.id}</c>).
/// Thread-safe.
/// </summary>
internal sealed class IdRegistry
{
    private readonly ConcurrentDictionary<(string Type, string Key), string> _ids = new(new KeyComparer());

    public IdRegistry(LiveState live)
    {
        foreach (var o in live.All)
        {
            _ids[(o.WireType, o.Key)] = o.ExternalId;
        }
    }

    public void Set(string wireType, string key, string id) => _ids[(wireType, key)] = id;

    public void Remove(string wireType, string key) => _ids.TryRemove((wireType, key), out _);

    /// <summary>The id, or a <see cref="PamApiException"/> (invalid) naming the missing reference.</summary>
    public string IdOf(string wireType, string key) =>
        _ids.TryGetValue((wireType, key), out var id)
            ? id
            : throw new PamApiException(ApiErrorKind.Invalid, $"{wireType} '{key}' does not exist in the PAM");

    private sealed class KeyComparer : IEqualityComparer<(string Type, string Key)>
    {
        public bool Equals((string Type, string Key) x, (string Type, string Key) y) =>
            string.Equals(x.Type, y.Type, StringComparison.Ordinal) && NaturalKey.Comparer.Equals(x.Key, y.Key);

        public int GetHashCode((string Type, string Key) obj) => HashCode.Combine(obj.Type, NaturalKey.Comparer.GetHashCode(obj.Key));
    }
}
