using System.Net;
using FluentAssertions;
using PamOperator.Operator.Hosting;
using PamOperator.Operator.Tests.Support;
using PamOperator.TestSupport.Http;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

/// <summary>Two replicas, one reaching the API server through a proxy that can black-hole its traffic.</summary>
public sealed class PartitionTests
{
    private static OperatorOptions Fast(OperatorOptions o) => o with
    {
        LeaseDuration = TimeSpan.FromSeconds(4),
        RenewDeadline = TimeSpan.FromSeconds(2),
        RetryPeriod = TimeSpan.FromMilliseconds(500),
        WatchIdleTimeout = TimeSpan.FromSeconds(4),
    };

    [Fact]
    public async Task PartitionedLeader_StopsBeforeTheOtherTakesOver_NeverTwoActAtOnce_AndRecoversAfterHealing()
    {
        await using var h = await OperatorHarness.StartAsync();
        await using var proxy = BlackHoleProxy.Start(h.Server.BaseAddress);
        var a = h.StartOperator("a", leaderElect: true, apiServer: proxy.Address, tune: Fast);
        await Eventually.UntilAsync(() => Task.FromResult(a.Host.IsLeader), l => l, "a leads first");
        var b = h.StartOperator("b", leaderElect: true, tune: Fast);
        await Eventually.UntilAsync(() => Task.FromResult(b.Host.Readiness.IsReady), r => r, "b follows, warm");
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "before-partition", "{}"));
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "before-partition"), IsReady, "a reconciles");

        proxy.Partition();
        await Eventually.UntilAsync(() => Task.FromResult(b.Host.IsLeader), l => l, "b takes over once a's lease expired", 20);
        a.Host.IsLeader.Should().BeFalse("a stopped acting when its renewals missed the deadline");
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "during-partition", "{}"));
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "during-partition"), IsReady, "b reconciles during the partition");
        proxy.Dropped.Should().BeGreaterThan(0);

        proxy.Heal();
        using var http = new HttpClient();
        await Eventually.UntilAsync(async () => (await http.GetAsync(new Uri(a.Host.HealthAddress!, "/healthz"))).StatusCode,
            s => s == HttpStatusCode.OK, "a is live after healing");
        await b.StopAsync();
        await Eventually.UntilAsync(() => Task.FromResult(a.Host.IsLeader), l => l, "a leads again once b is gone", 20);
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "after-healing", "{}"));
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "after-healing"), IsReady, "a reconciles again after healing");

        var terms = a.Host.Terms.Select(t => (Who: "a", t.Start, End: t.End ?? DateTimeOffset.MaxValue))
            .Concat(b.Host.Terms.Select(t => (Who: "b", t.Start, End: t.End ?? DateTimeOffset.MaxValue))).OrderBy(t => t.Start).ToList();
        terms.Select(t => t.Who).Should().Equal(["a", "b", "a"], "a led, b took over, a led again");
        terms.Zip(terms.Skip(1)).Should().OnlyContain(p => p.First.End <= p.Second.Start, "a term starts only after the previous leader stopped acting");
        (await h.SimulatorFindAsync("safe", "during-partition")).Should().ContainSingle("one PAM object, written by one leader");
    }
}
