using System.Globalization;
using System.Net;
using FluentAssertions;
using PamOperator.Kubernetes.TestServer;
using PamOperator.Operator.Tests.Support;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

public sealed class ResilienceTests
{
    [Fact]
    public async Task TwoInstances_OneLeads_AndTheOtherTakesOverWhenItStops()
    {
        await using var h = await OperatorHarness.StartAsync();
        var a = h.StartOperator("a", leaderElect: true);
        var b = h.StartOperator("b", leaderElect: true);
        await Eventually.UntilAsync(() => Task.FromResult(new[] { a, b }.Count(o => o.Host.IsLeader)), n => n == 1, "one leader");
        await Task.Delay(1500);
        new[] { a, b }.Count(o => o.Host.IsLeader).Should().Be(1, "the follower does not take a held lease");
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "before-failover", "{}"));
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "before-failover"), IsReady, "the leader reconciles");

        var (leader, follower) = a.Host.IsLeader ? (a, b) : (b, a);
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(follower.Host.HealthAddress!, "/readyz"))).StatusCode.Should().Be(HttpStatusCode.OK, "a follower is ready");
        await leader.StopAsync();
        await Eventually.UntilAsync(() => Task.FromResult(follower.Host.IsLeader), l => l, "the follower takes over within the lease duration", 6);
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "after-failover", "{}"));

        await Eventually.UntilAsync(() => h.GetAsync(Safes, "after-failover"), IsReady, "the new leader reconciles");
        var lease = h.Server.GetObject("coordination.k8s.io", "leases", "default", "pam-operator");
        lease!["spec"]!["holderIdentity"]!.GetValue<string>().Should().Be(follower == a ? "a" : "b");
    }

    [Theory]
    [InlineData(GoneMode.HttpStatus, "HTTP 410 on the resumed watch")]
    [InlineData(GoneMode.ErrorEvent, "a 200 stream carrying an ERROR 410")]
    public async Task DroppedWatchesAndCompactedHistory_NothingIsMissed(GoneMode mode, string reason)
    {
        await using var h = await OperatorHarness.StartAsync();
        var op = h.StartOperator();
        await Eventually.UntilAsync(() => Task.FromResult(op.Host.Readiness.IsReady), r => r, "watches established");
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "first", "{}"));
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "first"), IsReady, "Ready");

        h.Server.DropWatches(resetConnections: true);
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "while-dropped", "{}"));
        h.Server.CompactHistory(mode);
        h.Server.DropWatches();

        await Eventually.UntilAsync(() => h.GetAsync(Safes, "while-dropped"), IsReady, $"the change is seen after {reason}");
        (await h.SimulatorFindAsync("safe", "while-dropped")).Should().ContainSingle();
    }

    [Fact]
    public async Task HealthAndMetrics_AreServed_AndCountPamApiCallsByVerbAndStatus()
    {
        await using var h = await OperatorHarness.StartAsync();
        var op = h.StartOperator();
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "metered", "{}"));
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "metered"), IsReady, "Ready");
        await Eventually.UntilAsync(() => Task.FromResult(op.Host.MetricsAddress), a => a is not null, "endpoints listen");
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(op.Host.HealthAddress!, "/healthz"))).StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.UntilAsync(async () => (await http.GetAsync(new Uri(op.Host.HealthAddress!, "/readyz"))).StatusCode,
            s => s == HttpStatusCode.OK, "ready once the watches listed");
        var metrics = await http.GetStringAsync(new Uri(op.Host.MetricsAddress!, "/metrics"));
        metrics.Should().Contain("# TYPE workqueue_depth gauge").And.Contain("pamoperator_reconcile_batches_total")
            .And.Contain("# TYPE pamoperator_pam_api_calls_total counter").And.Contain("workqueue_adds_total{name=\"pam-operator\",controller=\"pam-operator\"}")
            .And.Contain("# TYPE workqueue_work_duration_seconds histogram").And.Contain("controller_runtime_reconcile_time_seconds_bucket")
            .And.Contain("process_cpu_seconds_total").And.Contain("leader_election_master_status{name=\"pam-operator\"} 1");
        metrics.Should().MatchRegex("rest_client_requests_total\\{code=\"200\",method=\"GET\",host=\"127\\.0\\.0\\.1:\\d+\"\\} [1-9]", "the client's requests are counted");
        var lists = metrics.Split('\n').Single(l => l.StartsWith("pamoperator_pam_api_calls_total{vendor=\"fudo\",verb=\"GET\",status=\"200\"} ", StringComparison.Ordinal));
        long.Parse(lists.Split(' ')[1], CultureInfo.InvariantCulture).Should().BeGreaterThan(0, "the reconcile listed the PAM");
        metrics.Should().MatchRegex("pamoperator_pam_api_calls_total\\{vendor=\"fudo\",verb=\"POST\",status=\"2\\d\\d\"\\} [1-9]", "the create was written");
        metrics.Should().NotContain(h.Simulator.ApiKey);
    }
}
