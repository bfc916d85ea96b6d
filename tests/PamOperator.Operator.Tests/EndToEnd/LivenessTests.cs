using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Operator.Tests.Support;
using PamOperator.TestSupport.Http;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

/// <summary>
/// A leader whose work stops moving: its PAM is reached through a proxy that black-holes the traffic, so a batch hangs
/// on a PAM request (30 s request timeout) while a key waits. /healthz must turn unhealthy within the stall timeout (the
/// kubelet would restart the replica), /readyz stays ok (readiness is about watches and election, as documented), and
/// liveness returns once the cause is removed and the batch finishes.
/// </summary>
public sealed partial class LivenessTests
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(3);

    [System.Text.RegularExpressions.GeneratedRegex(@"a batch has been running for (\d+) s")]
    private static partial System.Text.RegularExpressions.Regex RunningFor();

    [Fact]
    public async Task LeaderWhoseBatchHangsOnABlackHoledPam_TurnsUnhealthyWithinTheStallTimeout_AndHealthyAfterHealing()
    {
        await using var h = await OperatorHarness.StartAsync();
        await using var pam = BlackHoleProxy.Start(h.Simulator.BaseAddress);
        await h.Client.CreateAsync(ProviderConfigs, null, (JsonObject)JsonNode.Parse($$"""
            {"apiVersion":"pamoperator.io/v1alpha1","kind":"ProviderConfig","metadata":{"name":"proxied"},
             "spec":{"vendor":"fudo","endpoint":"{{pam.Address}}",
               "credentials":{"valueFrom":{"secretKeyRef":{"namespace":"default","name":"fudo-api","key":"api-key"} } } } }
            """)!);
        var op = h.StartOperator(leaderElect: true, tune: o => o with { StallTimeout = Stall });
        await Eventually.UntilAsync(() => Task.FromResult(op.Host.IsLeader && op.Host.Readiness.IsReady), r => r, "leading and ready");
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "before-stall", """{"providerConfigRef":{"name":"proxied"}}"""));
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "before-stall"), IsReady, "reconciled through the proxy");
        using var http = new HttpClient { BaseAddress = op.Host.HealthAddress, Timeout = TimeSpan.FromSeconds(5) };
        (await http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK, "a leader making progress is live");

        pam.Partition();
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "during-stall", """{"providerConfigRef":{"name":"proxied"}}"""));
        var unhealthy = await Eventually.UntilAsync(() => http.GetAsync("/healthz"), r => r.StatusCode != HttpStatusCode.OK,
            "/healthz turns unhealthy while the batch hangs", 15);
        unhealthy.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await unhealthy.Content.ReadAsStringAsync()).Should().Be("Unhealthy");
        // The batch's own age, as the operator measured it (not a wall-clock bound in the test: a resync batch may
        // have started before the partition, so the test's stopwatch cannot say when the stall began).
        var problem = op.Host.Liveness.Problem();
        var running = RunningFor().Match(problem ?? "");
        running.Success.Should().BeTrue($"the batch hangs, so liveness names it: {problem}");
        int.Parse(running.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).Should()
            .BeGreaterThanOrEqualTo((int)Stall.TotalSeconds, "a batch is allowed the stall timeout before the replica is called stuck");
        (await http.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK, "readiness is about watches and election, not progress");
        pam.Dropped.Should().BeGreaterThan(0, "the PAM traffic went into the black hole");

        pam.Heal();
        await Eventually.UntilAsync(() => http.GetAsync("/healthz"), r => r.StatusCode == HttpStatusCode.OK, "live again once the batch can finish", 20);
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "during-stall"), IsReady, "the waiting Safe is reconciled after healing", 20);
        (await h.SimulatorFindAsync("safe", "during-stall")).Should().ContainSingle();
        (await http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
