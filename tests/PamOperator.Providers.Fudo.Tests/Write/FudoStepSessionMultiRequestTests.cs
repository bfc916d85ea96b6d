using static PamOperator.Providers.Fudo.Tests.Support.FudoTypes;
using FluentAssertions;
using PamOperator.Simulators.Fudo;
using Xunit;

namespace PamOperator.Providers.Fudo.Tests.Write;

/// <summary>A write made of several requests (a user-safe pair and its time-policy rows) is all or nothing against the
/// simulator: when a later request fails, the earlier ones are taken back before the failure is reported.</summary>
public class FudoStepSessionMultiRequestTests
{
    private const string BobOps = "user=bob,safe=ops";

    private static readonly string Windows =
        """[{"dayOfWeek":"Monday","validFrom":"08:00:00","validTo":"18:00:00"},{"dayOfWeek":"Tuesday","validFrom":"08:00:00","validTo":"18:00:00"}]""";

    [Theory]
    [InlineData(2, "the first window fails after the pair was created")]
    [InlineData(3, "the second window fails after the pair and one window were created")]
    public async Task Create_PairWithWindowsFailsMidway_LeavesNothingBehind(int failingWrite, string reason)
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "ops", "{}"), CancellationToken.None);
        var before = await target.DumpAsync();
        target.Simulator.SetFaults(new FaultSettings { FailNthWrite = failingWrite });

        var outcome = await session.WriteAsync(
            WriteTarget.Create(WriteKinds.UserSafe, BobOps, $$"""{"user":"bob","safe":"ops","timePolicy":{{Windows}}}"""), CancellationToken.None);

        outcome.Succeeded.Should().BeFalse(reason);
        outcome.Error!.Message.Should().Contain("undone, so it changed nothing");
        (await target.DumpAsync()).Should().Be(before, reason);
    }

    [Fact]
    public async Task Update_PairFailsAfterItsAttributesChanged_PutsThemBack()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "ops", "{}"), CancellationToken.None);
        await session.WriteAsync(WriteTarget.Create(WriteKinds.UserSafe, BobOps, $$"""{"user":"bob","safe":"ops","timePolicy":{{Windows}}}"""), CancellationToken.None);
        var live = (await target.ObserveAsync()).Find(FudoType("user_safe"), BobOps)!;
        var before = await target.DumpAsync();
        target.Simulator.SetFaults(new FaultSettings { FailNthWrite = 4 }); // PATCH, DELETE Tuesday, POST Wednesday, POST Thursday fails

        var outcome = await session.WriteAsync(WriteTarget.Update(live, WriteKinds.UserSafe, """
            {"passwordVisible":true,"timePolicy":[{"dayOfWeek":"Monday","validFrom":"08:00:00","validTo":"18:00:00"},
              {"dayOfWeek":"Wednesday","validFrom":"09:00:00","validTo":"17:00:00"},{"dayOfWeek":"Thursday","validFrom":"09:00:00","validTo":"17:00:00"}]}
            """), CancellationToken.None);

        outcome.Succeeded.Should().BeFalse();
        var after = await target.DumpAsync();
        Normalize(after).Should().Be(Normalize(before), "the attribute, the removed window and the added window are all taken back");
    }

    [Fact]
    public async Task Update_TimePolicyWithoutRowIds_FindsTheRowsOfThePair()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await target.StepSessionAsync();
        await session.WriteAsync(WriteTarget.Create(WriteKinds.Safe, "ops", "{}"), CancellationToken.None);
        await session.WriteAsync(WriteTarget.Create(WriteKinds.UserSafe, BobOps, $$"""{"user":"bob","safe":"ops","timePolicy":{{Windows}}}"""), CancellationToken.None);
        var live = (await target.ObserveAsync()).Find(FudoType("user_safe"), BobOps)!;

        // An undo made by the applier knows the windows, not the ids of the rows the apply created.
        var undo = WriteTarget.Update(live, WriteKinds.UserSafe, """{"timePolicy":[]}""") with { ProviderData = null };
        var outcome = await session.WriteAsync(undo, CancellationToken.None);

        outcome.Succeeded.Should().BeTrue(outcome.Error?.Message);
        (await target.ListAsync("user/safe/time_policy")).Should().BeEmpty();
    }

    /// <summary>Row ids and timestamps differ after an undo (a removed row comes back with a new id).</summary>
    private static string Normalize(string dump) => System.Text.RegularExpressions.Regex.Replace(
        dump, "\"(id|created_at|modified_at)\":\"[^\"]*\",?", "");
}
