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
}
