using FluentAssertions;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Graph;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>Without a transaction a failure skips only its dependents; independent branches go on; then every completed
/// step is undone, last completed first, and the report says what could not be restored exactly.</summary>
public class ApplierCompensationTests
{
    [Fact]
    public async Task Apply_StepFails_SkipsDependentsRunsIndependentBranchThenUndoesIt()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.None,
            [Manifests.Safe("a"), Manifests.UserSafe("alice-a", """{"user":"alice","safe":"a"}"""), Manifests.Safe("b")], []);
        scenario.Session.FailIds.Add("create fudo_safe.a");

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeFalse();
        result.RootCause.Should().Be("create fudo_safe.a: injected failure of create fudo_safe.a");
        var steps = result.Steps.ToDictionary(s => s.Step.Name);
        steps["create fudo_safe.a"].Status.Should().Be(StepStatus.Failed);
        steps["create fudo_user_safe_assignment.alice-a"].Status.Should().Be(StepStatus.Skipped);
        steps["create fudo_user_safe_assignment.alice-a"].Message.Should().Be("upstream failed: create fudo_safe.a", "the root cause is named, not repeated");
        steps["create fudo_safe.b"].Status.Should().Be(StepStatus.Succeeded, "an independent branch is not stopped by the failure");
        scenario.WrittenIds.Should().NotContain("create fudo_user_safe_assignment.alice-a");

        var undo = scenario.Session.Writes[^1];
        undo.Id.Should().Be("undo create fudo_safe.b");
        undo.Operation.Should().Be(WriteKind.Delete);
        undo.ExternalId.Should().Be(steps["create fudo_safe.b"].ExternalId, "the undo deletes exactly the object the create made");
        result.Compensations.Should().ContainSingle().Which.Should().Match<Engine.Apply.CompensationReport>(c => c.Restored && c.Note == null);
        result.LeftChanges.Should().BeFalse();
    }

    [Fact]
    public async Task Apply_Failure_UndoesCompletedStepsInReverseCompletionOrder()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.None,
            [Manifests.Safe("a"), Manifests.Safe("b"), Manifests.Safe("c"), Manifests.Safe("z")], []);
        var gates = new[] { "a", "b", "c", "z" }.ToDictionary(n => n, n => scenario.Session.Gate($"create fudo_safe.{n}"));
        scenario.Session.FailIds.Add("create fudo_safe.z");

        var apply = scenario.RunAsync(parallelism: 4);
        // Completion order b, c, a (not name order), then z fails.
        foreach (var name in new[] { "b", "c", "a" })
        {
            gates[name].SetResult();
            await scenario.Journal.WaitFor("done", $"create fudo_safe.{name}");
        }

        gates["z"].SetResult();
        var result = await apply;

        result.Succeeded.Should().BeFalse();
        result.Compensations.Select(c => c.Step.Name).Should().Equal("create fudo_safe.a", "create fudo_safe.c", "create fudo_safe.b");
        scenario.WrittenIds.Skip(4).Should().Equal("undo create fudo_safe.a", "undo create fudo_safe.c", "undo create fudo_safe.b");
        scenario.Journal.Entries.Where(e => e.Phase == "compensated").Select(e => e.Step)
            .Should().Equal("create fudo_safe.a", "create fudo_safe.c", "create fudo_safe.b");
    }

    [Fact]
    public async Task Apply_Failure_UndoesUpdateWithOldValuesAndRecreatesDeletedWithNotes()
    {
        var storedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var options = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("old-")]));
        var scenario = new ApplyScenario(TransactionGuarantee.None,
        [
            Manifests.Safe("ops", """{"requiredVotes":5,"description":"Operations"}"""),
            Manifests.Account("app", """{"server":"db-01","login":"root","secret":{"valueFrom":{"env":"APP_PW"}},"rotateSecretAfter":"2026-11-20T00:00:00Z"}"""),
            Manifests.Safe("zz", """{"blocked":true}"""),
        ],
        [
            Live.Safe("ops", """{"requiredVotes":1}"""), Live.Account("app", secretUpdatedAt: storedAt),
            Live.Account("old-acc", secretUpdatedAt: storedAt), Live.Safe("old-safe"), Live.Safe("zz"),
        ], options);
        scenario.SecretValues["APP_PW"] = "canary-app-password";
        scenario.Session.FailIds.Add("update fudo_safe.zz"); // the last step in name order, so all others completed

        var result = await scenario.RunAsync(parallelism: 1);

        result.Succeeded.Should().BeFalse();
        var undos = scenario.Session.Writes.Where(w => w.Id.StartsWith("undo ", StringComparison.Ordinal)).ToDictionary(w => w.Id);
        var opsUndo = undos["undo update fudo_safe.ops"];
        opsUndo.Operation.Should().Be(WriteKind.Update);
        opsUndo.Spec!.ToJsonString().Should().Be("""{"requiredVotes":1,"description":null}""", "only the changed members go back to their old values");
        opsUndo.Secrets.Should().BeEmpty();
        var safeUndo = undos["undo delete fudo_safe.old-safe"];
        safeUndo.Operation.Should().Be(WriteKind.Create);
        safeUndo.Spec!["requiredVotes"]!.GetValue<long>().Should().Be(0, "the deleted object is recreated from its observed spec");

        var notes = result.Compensations.ToDictionary(c => c.Step.Name, c => c.Note);
        notes["update fudo_safe.ops"].Should().BeNull();
        notes["update fudo_account.app"].Should().Be("the rotated secret cannot be put back (secrets are never read)");
        notes["delete fudo_safe.old-safe"].Should().Be("recreated with a new id");
        notes["delete fudo_account.old-acc"].Should().Be("recreated with a new id, without its secret (secrets are never read): set it again");
        result.Compensations.Should().OnlyContain(c => c.Restored);
    }

    [Fact]
    public async Task Apply_UndoFails_ReportsItAndGoesOnWithTheOthers()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.None, [Manifests.Safe("a"), Manifests.Safe("b"), Manifests.Safe("c")], []);
        scenario.Session.FailIds.UnionWith(["create fudo_safe.c", "undo create fudo_safe.b"]);

        var result = await scenario.RunAsync(parallelism: 1);

        result.Compensations.Select(c => (c.Step.Name, c.Restored)).Should().Equal(("create fudo_safe.b", false), ("create fudo_safe.a", true));
        result.Compensations[0].Message.Should().Contain("FAILED").And.Contain("injected failure of undo create fudo_safe.b");
        result.LeftChanges.Should().BeTrue("the PAM still holds b");
        scenario.Journal.Entries.Select(e => e.Phase).Should().Contain("compensation-failed");
    }
}
