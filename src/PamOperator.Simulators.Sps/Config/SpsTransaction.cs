using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Sps.Config;

/// <summary>
/// The one open transaction of the appliance: the session that opened it (and alone sees its changes), its staged
/// objects (a null body deletes), its new password objects (hashes only), the change log of
/// <c>/api/transaction/changes</c>, and when its session last used it (expiry counts from there).
/// </summary>
internal sealed class SpsTransaction(string session, DateTimeOffset now, long nextSeq)
{
    public string Session { get; } = session;

    public DateTimeOffset LastActivity { get; set; } = now;

    public long NextSeq { get; set; } = nextSeq;

    public Dictionary<(string Collection, string Key), ConfigObject?> Objects { get; } = [];

    public Dictionary<string, string> Passwords { get; } = new(StringComparer.Ordinal);

    public JsonArray Changes { get; } = [];
}
