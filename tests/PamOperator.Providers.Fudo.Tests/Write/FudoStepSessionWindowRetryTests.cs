using static PamOperator.Providers.Fudo.Tests.Support.FudoTypes;
using FluentAssertions;
using PamOperator.Simulators.Fudo;
using Xunit;

namespace PamOperator.Providers.Fudo.Tests.Write;

/// <summary>S1 item 8, client side: a time-policy window's POST (a later request of a multi-request step) and the
/// compensating writes are repeated after a lost answer or a 429, boundedly, like the idempotent writes.</summary>
public class FudoStepSessionWindowRetryTests
{
    private const string Windows =
        """[{"dayOfWeek":"Monday","validFrom":"08:00:00","validTo":"18:00:00"},{"dayOfWeek":"Tuesday","validFrom":"08:00:00","validTo":"18:00:00"}]""";

    [Fact]
    public async Task Create_WindowPostAnswerLost_IsSentAgain_AndTheRowItMadeIsAdopted()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "ops", "{}"), CancellationToken.None);
        target.Handler.SkipFirst = 1; // the pair's POST goes through
        target.Handler.LoseNext = 1;  // the first window's POST runs, its answer is lost

        var outcome = await session.WriteAsync(
            WriteTarget.Create(WriteKinds.UserSafe, "user=bob,safe=ops", $$"""{"user":"bob","safe":"ops","timePolicy":{{Windows}}}"""), CancellationToken.None);

        outcome.Succeeded.Should().BeTrue(outcome.Error?.Message);
        (await target.ListAsync("user/safe/time_policy")).Should().HaveCount(2, "the lost window is adopted, not duplicated nor failed");
    }

    [Fact]
    public async Task Create_WindowPostRateLimited_IsSentAgain()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "ops", "{}"), CancellationToken.None);
        await session.WriteAsync(WriteTarget.Create(WriteKinds.UserSafe, "user=bob,safe=ops", """{"user":"bob","safe":"ops"}"""), CancellationToken.None);
        var live = (await target.ObserveAsync()).Find(FudoType("user_safe"), "user=bob,safe=ops")!;
        target.Simulator.SetFaults(new FaultSettings { RateLimitNextRequests = 1, RetryAfterSeconds = 0 });

        var outcome = await session.WriteAsync(WriteTarget.Update(live, WriteKinds.UserSafe, $$"""{"timePolicy":{{Windows}}}"""), CancellationToken.None);

        outcome.Succeeded.Should().BeTrue(outcome.Error?.Message);
        (await target.ListAsync("user/safe/time_policy")).Should().HaveCount(2);
    }
}
