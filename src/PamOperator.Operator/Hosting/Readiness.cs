using System.Collections.Concurrent;

namespace PamOperator.Operator.Hosting;

/// <summary>Ready when every watch has listed once and, with leader election, the first election step has run
/// (this instance then either leads or follows).</summary>
public sealed class Readiness(int watches, bool leaderElect)
{
    private readonly ConcurrentDictionary<string, bool> _established = new(StringComparer.Ordinal);
    private volatile bool _elected = !leaderElect;

    public bool IsReady => _established.Count >= watches && _elected;

    public void WatchEstablished(string kind) => _established[kind] = true;

    public void ElectionRan() => _elected = true;
}
