using Microsoft.Extensions.Diagnostics.HealthChecks;
using PamOperator.Operator.Queue;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// /healthz answers from real progress, so a stuck replica is restarted by its liveness probe instead of answering ok
/// while nothing moves: unhealthy when, while leading, a batch has run longer than
/// <see cref="OperatorOptions.StallTimeout"/>, or keys have waited that long with no batch taken; and when leader
/// election has not completed a step (a Lease read, successful or failed) for that long. A follower with a queue is
/// fine: only the leader works it off.
/// </summary>
public sealed class Liveness(TimeProvider time, TimeSpan stallTimeout) : IHealthCheck
{
    private long _lastBatch = time.GetTimestamp();
    private long _lastElection = time.GetTimestamp();

    internal WorkQueue? Queue { get; set; }

    internal Func<bool> IsLeader { get; set; } = () => false;

    /// <summary>A worker took or finished a batch (or found the queue empty).</summary>
    public void Progressed() => Interlocked.Exchange(ref _lastBatch, time.GetTimestamp());

    /// <summary>Leader election completed a step.</summary>
    public void ElectionStepped() => Interlocked.Exchange(ref _lastElection, time.GetTimestamp());

    /// <summary>Null when healthy, else why not.</summary>
    public string? Problem()
    {
        if (time.GetElapsedTime(Interlocked.Read(ref _lastElection)) > stallTimeout)
        {
            return $"leader election has not completed a step for {stallTimeout.TotalSeconds:0} s";
        }

        if (!IsLeader() || Queue is null)
        {
            return null;
        }

        var (_, longest) = Queue.Unfinished();
        if (longest > stallTimeout)
        {
            return $"a batch has been running for {longest.TotalSeconds:0} s";
        }

        return Queue.Depth > 0 && time.GetElapsedTime(Interlocked.Read(ref _lastBatch)) > stallTimeout
            ? $"{Queue.Depth} key(s) waiting and no batch taken for {stallTimeout.TotalSeconds:0} s"
            : null;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Problem() is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy("making progress"));
}
