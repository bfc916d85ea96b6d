using static PamOperator.Providers.Fudo.Tests.Support.FudoTypes;
using FluentAssertions;
using PamOperator.Simulators.Fudo;
using Xunit;

namespace PamOperator.Providers.Fudo.Tests.Write;

/// <summary>Step-by-step writes against the simulator over real HTTP: a create never duplicates, whatever happens to
/// its answer; updates and deletes are repeated only where that is safe.</summary>
public class FudoStepSessionTests
{
    private const string BobOps = "user=bob,safe=ops";

    private static int Writes(WriteTarget target) =>
        target.Simulator.RequestLog.Count(r => r.Method is "POST" or "PATCH" or "DELETE");

    [Fact]
    public async Task Create_ConnectionDroppedBeforeTheRequestRan_LooksUpThenCreatesExactlyOnce()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        target.Simulator.SetFaults(new FaultSettings { DropNextRequests = 1 });

        var outcome = await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "dropped", "{}"), CancellationToken.None);

        outcome.Succeeded.Should().BeTrue(outcome.Error?.Message);
        var safes = await target.NamedAsync("safe", "dropped");
        safes.Should().ContainSingle();
        outcome.ExternalId.Should().Be(safes[0]["id"]!.ToString());
        target.Simulator.RequestLog.Where(r => r.Method == "POST").Select(r => r.Status).Should().Equal(0, 200);
        target.Simulator.RequestLog.Should().Contain(r => r.Method == "GET" && r.PathAndQuery.Contains("filter=name.eq", StringComparison.Ordinal),
            "the lost create is looked up by its name before it is sent again");
    }

    [Fact]
    public async Task Create_AnswerLostAfterThePamRanIt_AdoptsTheObjectInsteadOfCreatingItAgain()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        target.Handler.LoseNext = 1;

        var outcome = await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "ran-once", "{}"), CancellationToken.None);

        outcome.Succeeded.Should().BeTrue(outcome.Error?.Message);
        var created = await target.NamedAsync("safe", "ran-once");
        created.Should().ContainSingle();
        outcome.ExternalId.Should().Be(created[0]["id"]!.ToString());
        target.Simulator.RequestLog.Count(r => r.Method == "POST").Should().Be(1, "an adopted create is not sent again");
    }

    [Fact]
    public async Task Create_PairWhoseAnswerWasLost_IsFoundByItsKeyFields()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "ops", "{}"), CancellationToken.None);
        target.Handler.LoseNext = 1;

        var outcome = await session.WriteAsync(WriteTarget.Create(WriteKinds.UserSafe, BobOps, """{"user":"bob","safe":"ops"}"""), CancellationToken.None);

        outcome.Succeeded.Should().BeTrue(outcome.Error?.Message);
        (await target.ListAsync("user/safe")).Should().ContainSingle();
    }

    [Fact]
    public async Task Create_ServerAnswers500_IsNotSentAgainAndFails()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        target.Simulator.SetFaults(new FaultSettings { FailNthWrite = 1 });

        var outcome = await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "refused", "{}"), CancellationToken.None);

        outcome.Succeeded.Should().BeFalse();
        outcome.Error!.Message.Should().Contain("500");
        (await target.NamedAsync("safe", "refused")).Should().BeEmpty();
        Writes(target).Should().Be(1, "a 5xx answer is the PAM's failure report: the create is looked up, not repeated");
    }

    [Fact]
    public async Task Update_RateLimited_IsSentAgainAndSucceeds()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "ops", "{}"), CancellationToken.None);
        var live = (await target.ObserveAsync()).Find(FudoType("safe"), "ops")!;
        target.Simulator.SetFaults(new FaultSettings { RateLimitNextRequests = 1, RetryAfterSeconds = 0 });

        var outcome = await session.WriteAsync(WriteTarget.Update(live, WriteKinds.Safe, """{"requiredVotes":3}"""), CancellationToken.None);

        outcome.Succeeded.Should().BeTrue(outcome.Error?.Message);
        (await target.NamedAsync("safe", "ops"))[0]["required_votes"]!.GetValue<int>().Should().Be(3);
        target.Simulator.RequestLog.Where(r => r.Method == "PATCH").Select(r => r.Status).Should().Equal(429, 200);
    }

    [Fact]
    public async Task Delete_ObjectAlreadyGone_Succeeds()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "gone", "{}"), CancellationToken.None);
        var live = (await target.ObserveAsync()).Find(FudoType("safe"), "gone")!;
        await session.WriteAsync(WriteTarget.Delete(live, WriteKinds.Safe), CancellationToken.None);

        var again = await session.WriteAsync(WriteTarget.Delete(live, WriteKinds.Safe), CancellationToken.None);

        again.Succeeded.Should().BeTrue("the desired end state (no such object) holds");
    }
}
