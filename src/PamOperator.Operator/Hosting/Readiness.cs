using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PamOperator.Operator.Hosting;

/// <summary>/readyz: ready when every watch has listed once and, with leader election, the first election step has run
/// (this instance then either leads or follows).</summary>
public sealed class Readiness(int watches, bool leaderElect) : IHealthCheck
{
    private readonly ConcurrentDictionary<string, bool> _established = new(StringComparer.Ordinal);
    private volatile bool _elected = !leaderElect;

    public bool IsReady => _established.Count >= watches && _elected;

    public void WatchEstablished(string kind) => _established[kind] = true;

    public void ElectionRan() => _elected = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsReady ? HealthCheckResult.Healthy("watches listed") : HealthCheckResult.Unhealthy("watches not listed yet"));
}
