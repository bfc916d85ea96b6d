using FluentAssertions;
using PamOperator.Operator.Tests.Support;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

public sealed class BurstTests
{
    [Fact]
    public async Task BurstOf1000Safes_AllReady_WithListCallsBoundedByBatches()
    {
        const int count = 1000;
        await using var h = await OperatorHarness.StartAsync();
        var op = h.StartOperator();
        await Eventually.UntilAsync(() => Task.FromResult(op.Host.Readiness.IsReady), r => r, "watches established");
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) => await h.Client.CreateAsync(Safes, "default", Cr("Safe", $"burst-{i:D4}", "{}"), ct));

        await Eventually.UntilAsync(async () => (await h.Client.ListAsync(Safes, "default")).Items.Count(IsReady),
            n => n == count, "every Safe reaches Ready", 80);

        var listCalls = h.Simulator.RequestLog.Count(r => r.Method == "GET" && r.PathAndQuery.StartsWith("/api/v2/safe?", StringComparison.Ordinal));
        var observations = op.Host.Metrics.Observations;
        observations.Should().BeLessThan(40, "a burst becomes a few batches, not {0}", count);
        listCalls.Should().BeLessThanOrEqualTo((int)observations * 2, "each observation lists safes in at most 2 pages of 1000");
        (await h.SimulatorFindAsync("safe", "burst-0999")).Should().ContainSingle();
    }

    /// <summary>
    /// Objects trickling in one request at a time, as kubectl or Argo CD apply them through a client-side rate limit
    /// (the client's default 20 QPS here): the batch window stretches while keys keep arriving (up to its bound), so
    /// the trickle settles into a few batches instead of one PAM observation per batch window.
    /// </summary>
    [Fact]
    public async Task TrickleOf300Safes_AtTheDefaultClientRate_SettlesIntoFewBatches()
    {
        const int count = 300;
        await using var h = await OperatorHarness.StartAsync();
        var op = h.StartOperator();
        await Eventually.UntilAsync(() => Task.FromResult(op.Host.Readiness.IsReady), r => r, "watches established");
        using var kubectl = PamOperator.Kubernetes.KubernetesApiClient.ForServer(h.Server.BaseAddress);
        kubectl.Options.Qps.Should().Be(20, "the client's default rate limit");
        var started = TimeProvider.System.GetTimestamp();
        foreach (var i in Enumerable.Range(0, count))
        {
            await kubectl.CreateAsync(Safes, "default", Cr("Safe", $"trickle-{i:D3}", "{}"));
        }

        var trickle = TimeProvider.System.GetElapsedTime(started);
        await Eventually.UntilAsync(async () => (await h.Client.ListAsync(Safes, "default")).Items.Count(IsReady),
            n => n == count, "every Safe reaches Ready", 60);

        // A batch settles for up to BatchMaxWait (2 s) while keys keep arriving: about one observation per 2 s of
        // trickle, plus the tail and a few batches cut short by a pause in the trickle (measured: 6 for a 14 s trickle;
        // 24-28 when a batch waits one window only).
        var observations = op.Host.Metrics.Observations;
        observations.Should().BeLessThanOrEqualTo((long)Math.Ceiling(trickle.TotalSeconds / 2) + 4,
            "a trickle of {0} over {1:F1} s settles into batches of up to 2 s each, not one per 100 ms window", count, trickle.TotalSeconds);
    }
}
