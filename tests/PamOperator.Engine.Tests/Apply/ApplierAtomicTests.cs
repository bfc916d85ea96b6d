using FluentAssertions;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Graph;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>With an atomic session everything is staged, then committed once: a failure anywhere means nothing took
/// effect, so the root cause is reported once, every other step as not applied, and nothing is compensated.</summary>
public class ApplierAtomicTests
{
    private const string NotApplied = "not applied: the atomic transaction was rolled back";

    private static ApplyScenario Scenario() => new(TransactionGuarantee.Atomic,
    [
        Manifests.Safe("a"), Manifests.Safe("b"), Manifests.Safe("c"),
        Manifests.UserSafe("alice-a", """{"user":"alice","safe":"a"}"""),
        Manifests.Safe("ops", """{"requiredVotes":5}"""),
    ], [Live.Safe("ops")]);

    [Fact]
    public async Task Apply_AllStaged_CommitsOnceAndReportsEveryStepWithCreatedIds()
    {
        var scenario = Scenario();

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeTrue();
        result.Guarantee.Should().Be(TransactionGuarantee.Atomic);
        scenario.Session.Commits.Should().Be(1);
        scenario.Session.Rollbacks.Should().Be(0);
        scenario.Session.MaxConcurrent.Should().Be(1, "an atomic session is staged one write at a time");
        scenario.Hooks.Finished.Should().HaveCount(5).And.OnlyContain(r => r.Status == StepStatus.Succeeded);
        scenario.Hooks.ApplyStarts.Should().Equal([5], "progress learns the step count once, before the first write");
        result.Steps.Single(s => s.Step.Name == "create fudo_safe.a").ExternalId.Should().Be("committed-a");
        result.Steps.Single(s => s.Step.Name == "update fudo_safe.ops").ExternalId.Should().Be(Live.IdOf("safe", "ops"));
        scenario.Journal.Entries.Should().BeEmpty("a transaction needs no compensation journal");
        scenario.Events.Snapshot()[^1].Should().Be("commit", "nothing is written after the commit");
    }

    [Fact]
    public async Task Apply_StagingFails_RollsBackReportsRootCauseOnceAndCompensatesNothing()
    {
        var scenario = Scenario();
        scenario.Session.FailIds.Add("create fudo_safe.b");

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeFalse();
        result.RootCause.Should().Be("create fudo_safe.b: injected failure of create fudo_safe.b");
        result.Steps.Where(s => s.Status == StepStatus.Failed).Should().ContainSingle().Which.Step.Name.Should().Be("create fudo_safe.b");
        result.Steps.Where(s => s.Status != StepStatus.Failed).Should().HaveCount(4).And.OnlyContain(s => s.Status == StepStatus.Skipped && s.Message == NotApplied);
        result.Compensations.Should().BeEmpty();
        scenario.Session.Rollbacks.Should().Be(1);
        scenario.Session.Commits.Should().Be(0, "a transaction with a refused write is never committed");
        scenario.WrittenIds.Should().Equal("create fudo_safe.a", "create fudo_safe.b");
        scenario.WrittenIds.Should().NotContain(id => id.StartsWith("undo", StringComparison.Ordinal));
        result.Added.Should().Be(0);
        scenario.Hooks.Finished.Should().HaveCount(5, "every step is reported exactly once");
    }

    [Fact]
    public async Task Apply_CommitRefusedNamingAWrite_BlamesThatWriteOnlyAndCompensatesNothing()
    {
        var scenario = Scenario();
        scenario.Session.FailCommit = true;
        scenario.Session.CommitFailedOperationId = "create fudo_user_safe_assignment.alice-a";

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeFalse();
        result.RootCause.Should().StartWith("create fudo_user_safe_assignment.alice-a: atomic batch refused, nothing was changed");
        result.Steps.Where(s => s.Status == StepStatus.Failed).Should().ContainSingle()
            .Which.Step.Name.Should().Be("create fudo_user_safe_assignment.alice-a");
        result.Steps.Should().HaveCount(5);
        result.Compensations.Should().BeEmpty();
        result.OutcomeUnknown.Should().BeFalse();
        scenario.Session.Writes.Should().HaveCount(5, "every write was staged, and no undo was sent after the failed commit");
    }

    [Fact]
    public async Task Apply_CommitFailsWithoutNamingAWrite_BlamesTheTransactionNotAStep()
    {
        var scenario = Scenario();
        scenario.Session.FailCommit = true;

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeFalse();
        result.RootCause.Should().StartWith("the atomic transaction of 5 writes: atomic batch refused");
        result.Steps.Should().HaveCount(5).And.OnlyContain(s => s.Status == StepStatus.Skipped && s.Message == NotApplied,
            "no single step is known to have failed");
        result.Compensations.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_CommitAnswerLost_ReportsOutcomeUnknownInsteadOfRolledBack()
    {
        var scenario = Scenario();
        scenario.Session.FailCommit = true;
        scenario.Session.CommitErrorKind = Core.Providers.ApiErrorKind.Transient;

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeFalse();
        result.OutcomeUnknown.Should().BeTrue("a lost answer does not say whether the PAM applied the batch");
        result.RootCause.Should().Contain("outcome is unknown");
        result.Steps.Should().OnlyContain(s => s.Status == StepStatus.Skipped && s.Message!.StartsWith("outcome unknown", StringComparison.Ordinal));
        result.Compensations.Should().BeEmpty();
    }
}
