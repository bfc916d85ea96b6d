using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PamOperator.Simulators.Common.Credentials;

/// <summary>
/// In-memory sessions for vendors whose logon hands out a token (cookie, raw token, OAuth bearer): random tokens that
/// expire after a lifetime measured on <paramref name="time"/>. Thread-safe. Sessions do not survive a restart.
/// </summary>
public sealed class SessionTokens(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>A new token for <paramref name="subject"/> valid for <paramref name="lifetime"/> from now.</summary>
    public string Issue(string subject, TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _sessions[token] = new Session(subject, time.GetUtcNow() + lifetime);
        return token;
    }

    /// <summary>True while <paramref name="token"/> is issued, not revoked and not expired.</summary>
    public bool IsValid(string token) => TryGetSubject(token, out _);

    /// <summary>The subject of a valid token; an expired token is forgotten here.</summary>
    public bool TryGetSubject(string token, out string subject)
    {
        subject = "";
        if (!_sessions.TryGetValue(token, out var session))
        {
            return false;
        }

        if (time.GetUtcNow() >= session.ExpiresAt)
        {
            _sessions.TryRemove(token, out _);
            return false;
        }

        subject = session.Subject;
        return true;
    }

    /// <summary>Ends a session (logoff). Idempotent.</summary>
    public void Revoke(string token) => _sessions.TryRemove(token, out _);

    /// <summary>Ends every session (used by <c>/_sim/reset</c> when the vendor wants it).</summary>
    public void Clear() => _sessions.Clear();

    private sealed record Session(string Subject, DateTimeOffset ExpiresAt);
}
