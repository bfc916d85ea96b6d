using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PamOperator.Simulators.Sps.Sessions;

/// <summary>
/// REST sessions: a 40-hex <c>session_id</c> per logon, ended after <paramref name="idle"/> without a request
/// (every valid use renews it), by logoff, or by the expiry of its transaction. Thread-safe; not persisted.
/// </summary>
internal sealed class SpsSessions(TimeProvider time, TimeSpan idle)
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public string Issue(string user)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        _sessions[id] = new Session(user, time.GetUtcNow());
        return id;
    }

    /// <summary>The user of a live session, renewing it; null when unknown, ended or idle too long (then forgotten).</summary>
    public string? Touch(string id)
    {
        if (!_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now - session.LastSeen >= idle)
        {
            _sessions.TryRemove(id, out _);
            return null;
        }

        _sessions[id] = session with { LastSeen = now };
        return session.User;
    }

    public void End(string id) => _sessions.TryRemove(id, out _);

    public void Clear() => _sessions.Clear();

    private sealed record Session(string User, DateTimeOffset LastSeen);
}
