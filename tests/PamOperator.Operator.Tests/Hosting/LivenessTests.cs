using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using PamOperator.Operator.Hosting;
using PamOperator.Operator.Queue;
using PamOperator.Operator.Resources;
using Xunit;

namespace PamOperator.Operator.Tests.Hosting;

/// <summary>
/// The liveness decision on a hand-moved clock: each way a replica can be stuck (a batch that does not finish, keys
/// that no batch takes, leader election that stops stepping) turns /healthz unhealthy only once it has lasted longer
/// than the stall timeout, and progress makes it healthy again. The end-to-end test (EndToEnd/LivenessTests) shows the
/// first path through a real black-holed PAM.
/// </summary>
public sealed class LivenessTests
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);

    private static ResourceKey Key(string name) => new("safes.fudo.pamoperator.io", "default", name);

    private static (FakeTimeProvider Clock, WorkQueue Queue, Liveness Liveness) Leader(bool leading = true)
    {
        var clock = new FakeTimeProvider();
        var queue = new WorkQueue(clock, Backoff.Default);
        var liveness = new Liveness(clock, Stall) { Queue = queue, IsLeader = () => leading };
        return (clock, queue, liveness);
    }

    [Fact]
    public async Task BatchRunning_IsLiveUpToTheStallTimeout_ThenUnhealthy_AndLiveWhenDone()
    {
        var (clock, queue, liveness) = Leader();
        queue.Add("pc", Key("a"));
        var group = await queue.NextGroupAsync(CancellationToken.None);
        queue.Drain(group);
        liveness.Progressed();

        clock.Advance(Stall);
        liveness.Problem().Should().BeNull("a batch is allowed the whole stall timeout");
        liveness.ElectionStepped();
        clock.Advance(TimeSpan.FromSeconds(1));
        liveness.Problem().Should().Be("a batch has been running for 31 s");
        (await liveness.CheckHealthAsync(new())).Status.Should().Be(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);

        queue.Done(group);
        liveness.Progressed();
        liveness.Problem().Should().BeNull("the batch finished");
    }

    [Fact]
    public async Task KeysWaitingWithNoBatchTaken_BecomeUnhealthyAfterTheStallTimeout_AndATakenBatchHeals()
    {
        var (clock, queue, liveness) = Leader();
        queue.Add("pc", Key("a"));
        queue.Add("pc", Key("b"));

        clock.Advance(Stall);
        liveness.Problem().Should().BeNull();
        liveness.ElectionStepped();
        clock.Advance(TimeSpan.FromSeconds(1));
        liveness.Problem().Should().Be("2 key(s) waiting and no batch taken for 30 s");

        var group = await queue.NextGroupAsync(CancellationToken.None);
        queue.Drain(group);
        liveness.Progressed();
        liveness.Problem().Should().BeNull("a worker took the batch");
    }

    [Fact]
    public void EmptyQueue_StaysLive_HoweverLongNothingHappens()
    {
        var (clock, _, liveness) = Leader();

        clock.Advance(TimeSpan.FromHours(1));
        liveness.ElectionStepped();

        liveness.Problem().Should().BeNull("an idle leader is not stuck");
    }

    [Fact]
    public void Follower_WithWaitingKeys_IsLive_OnlyTheLeaderWorksThemOff()
    {
        var (clock, queue, liveness) = Leader(leading: false);
        queue.Add("pc", Key("a"));

        clock.Advance(Stall * 10);
        liveness.ElectionStepped();

        liveness.Problem().Should().BeNull();
    }

    [Fact]
    public void LeaderElectionThatStopsStepping_IsUnhealthy_ForLeaderAndFollowerAlike()
    {
        foreach (var leading in new[] { true, false })
        {
            var (clock, _, liveness) = Leader(leading);
            clock.Advance(Stall);
            liveness.Problem().Should().BeNull();

            clock.Advance(TimeSpan.FromMilliseconds(1));
            liveness.Problem().Should().Be("leader election has not completed a step for 30 s", $"leading: {leading}");

            liveness.ElectionStepped();
            liveness.Problem().Should().BeNull();
        }
    }
}
