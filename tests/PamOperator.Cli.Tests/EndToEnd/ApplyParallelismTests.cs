using FluentAssertions;
using PamOperator.Simulators.Fudo;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>Step-by-step writes of independent objects overlap in time at the PAM (its request log), up to the
/// configured parallelism and never beyond.</summary>
public class ApplyParallelismTests
{
    private const int Parallelism = 4;

    /// <summary>The most requests in progress at one instant, from their [start, end - trim] intervals. The PAM stamps
    /// a request's end just after its answer left, so the client's next request may start a few microseconds before
    /// that stamp; <paramref name="trim"/> keeps such a hand-over from counting as overlap.</summary>
    private static int MaxInFlight(IEnumerable<PamOperator.Simulators.Common.RequestLogEntry> requests, TimeSpan trim = default) => requests
        .SelectMany(r => new[] { (At: r.StartedAt, Delta: 1), (At: r.EndedAt - trim, Delta: -1) })
        .OrderBy(e => e.At).ThenBy(e => e.Delta) // an end before a start at the same instant: no overlap
        .Aggregate((Now: 0, Max: 0), (s, e) => (s.Now + e.Delta, Math.Max(s.Max, s.Now + e.Delta))).Max;

    [Fact]
    public async Task Apply_JournalModeIndependentCreates_OverlapUpToParallelism()
    {
        await using var ws = await SimulatorWorkspace.StartAsync("Journal", parallelism: Parallelism, requestsPerSecond: 1000);
        ws.Write("manifests/safes.yaml", string.Join("---\n", Enumerable.Range(1, 12).Select(i =>
            $"apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: par-{i:00}\nspec: {{}}\n")));
        ws.Simulator.SetFaults(new FaultSettings { LatencyMs = 100 });
        ws.Simulator.ClearRequestLog();

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        apply.ExitCode.Should().Be(0, apply.All);
        var writes = ws.Simulator.RequestLog.Where(r => r.Method == "POST").ToList();
        writes.Should().HaveCount(12).And.OnlyContain(r => r.Status == 200);
        var inFlight = MaxInFlight(writes);
        inFlight.Should().BeGreaterThan(1, "independent creates run at the same time (counted from the PAM's request log, not from a wall-clock bound)");
        MaxInFlight(writes, TimeSpan.FromMilliseconds(10)).Should().BeLessThanOrEqualTo(Parallelism,
            "never more writes at once than the ProviderConfig's parallelism (each takes 100 ms: a real excess overlaps by far more than 10 ms)");
    }

    [Fact]
    public async Task Apply_ParallelismOption_OverridesTheProviderConfig()
    {
        await using var ws = await SimulatorWorkspace.StartAsync("Journal", parallelism: Parallelism, requestsPerSecond: 1000);
        ws.Write("manifests/safes.yaml", string.Join("---\n", Enumerable.Range(1, 4).Select(i =>
            $"apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: seq-{i}\nspec: {{}}\n")));
        ws.Simulator.SetFaults(new FaultSettings { LatencyMs = 30 });
        ws.Simulator.ClearRequestLog();

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve", "--parallelism", "1");

        apply.ExitCode.Should().Be(0, apply.All);
        MaxInFlight(ws.Simulator.RequestLog.Where(r => r.Method == "POST"), TimeSpan.FromMilliseconds(10)).Should().Be(1);
    }
}
