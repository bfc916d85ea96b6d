using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Planning;

public class PlannerPruneTests
{
    private static readonly PlanOptions PruneTeamA = new(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("team-a-")]));

    [Fact]
    public void Plan_PruneOff_NeverDeletesUndeclaredObjects()
    {
        var plan = TestPlans.Make([], [Live.Safe("team-a-old")]);

        plan.Changes.Should().BeEmpty();
    }

    [Fact]
    public void Plan_PruneWithPrefixScope_DeletesOnlyUndeclaredObjectsInScope()
    {
        var live = new[] { Live.Safe("team-a-old"), Live.Safe("TEAM-A-older"), Live.Safe("team-a-kept"), Live.Safe("team-b-old") };

        var plan = TestPlans.Make([Manifests.Safe("team-a-kept")], live, PruneTeamA);

        plan.Changes.Where(c => c.Action == PlanAction.Delete).Select(c => c.Address.ToString())
            .Should().Equal(["fudo_safe.TEAM-A-older", "fudo_safe.team-a-old"], "prefixes compare case-insensitively; changes sort ordinally");
        plan.Change("fudo_safe.team-a-old").Reason.Should().Be("pruned: no longer declared");
        plan.Change("fudo_safe.team-a-old").ExternalId.Should().Be(Live.IdOf("safe", "team-a-old"));
        plan.Change("fudo_safe.team-a-old").Location.Should().BeNull();
    }

    [Fact]
    public void Plan_PruneUnnamedKind_MatchesBySafeKeyField()
    {
        var live = new[] { Live.UserSafe("alice", "team-a-db"), Live.UserSafe("team-a-admin", "other-db"), Live.Safe("team-a-db") };

        var plan = TestPlans.Make([Manifests.Safe("team-a-db")], live, PruneTeamA);

        plan.Changes.Where(c => c.Action == PlanAction.Delete).Select(c => c.Key)
            .Should().Equal(["user=alice,safe=team-a-db"], "an assignment is owned through its safe, not its user");
    }

    [Fact]
    public void Plan_PruneBuiltinOrHidden_NeverDeletes()
    {
        var plan = TestPlans.Make([], [Live.Safe("team-a-builtin", builtin: true), Live.Safe("team-a-hidden", hidden: true)], PruneTeamA);

        plan.Changes.Should().BeEmpty();
    }

    [Theory]
    [InlineData("team-a-.*", "team-a-old", true, "the regex matches the whole name")]
    [InlineData("old", "team-a-old", false, "a regex must match the whole name, not a part")]
    [InlineData("TEAM-A-OLD", "team-a-old", true, "names compare case-insensitively")]
    public void Plan_PruneRegexScope_MatchesWholeNamesOnly(string regex, string name, bool deleted, string reason)
    {
        var options = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Regex(regex)]));

        var plan = TestPlans.Make([], [Live.Safe(name)], options);

        plan.Changes.Any(c => c.Action == PlanAction.Delete).Should().Be(deleted, reason);
    }

    [Fact]
    public void Plan_PruneSelectorWithKinds_MatchesOnlyThoseKinds()
    {
        var options = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("team-a-", "usersafeassignment")]));

        var plan = TestPlans.Make([], [Live.Safe("team-a-db"), Live.UserSafe("bob", "team-a-db")], options);

        plan.Changes.Should().ContainSingle().Which.Type.WireType.Should().Be("user_safe");
    }

    [Fact]
    public void Plan_PruneWithInvalidRegex_ReportsDiagnosticAndPrunesNothing()
    {
        var options = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Regex("team-(a")]));

        var plan = TestPlans.Make([], [Live.Safe("team-a-old")], options);

        plan.Changes.Should().BeEmpty();
        plan.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.InvalidPruneScope && d.Severity == Severity.Error);
    }

    [Fact]
    public void Plan_PruneWithEmptyScope_WarnsAndPrunesNothing()
    {
        var plan = TestPlans.Make([], [Live.Safe("team-a-old")], new PlanOptions(Prune: true));

        plan.Changes.Should().BeEmpty();
        plan.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.PruneScopeEmpty && d.Severity == Severity.Warning);
    }

    [Fact]
    public void Plan_MoreDeletesThanMaxDeletes_IsRefusedWithCountAndOverride()
    {
        var live = Enumerable.Range(1, 4).Select(i => Live.Safe($"team-a-{i}"));

        var plan = TestPlans.Make([], live, PruneTeamA with { MaxDeletes = 3 });

        var d = plan.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.MaxDeletesExceeded);
        d.Summary.Should().Be("the plan deletes 4 objects (4 destroyed, 0 replaced); the limit is 3");
        d.Detail.Should().Contain("--max-deletes 4");
        plan.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void Plan_DeletesEqualToMaxDeletes_IsAllowed()
    {
        var plan = TestPlans.Make([], [Live.Safe("team-a-1"), Live.Safe("team-a-2")], PruneTeamA with { MaxDeletes = 2 });

        plan.HasErrors.Should().BeFalse();
        plan.Summary.Destroy.Should().Be(2);
    }

    [Fact]
    public void Plan_RemovedManifestWithOrphanPolicy_KeepsObjectAndReportsIt()
    {
        var removed = Manifests.Safe("team-a-old", control: Manifests.Orphan);

        var plan = TestPlans.Make([], [Live.Safe("team-a-old")], PruneTeamA, removed: [removed]);

        var change = plan.Change("fudo_safe.team-a-old");
        change.Action.Should().Be(PlanAction.NoOp, "Orphan wins even over prune");
        change.Reason.Should().Be("orphaned: deletionPolicy Orphan keeps the PAM object");
        plan.Summary.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Plan_RemovedManifestWithDeletePolicy_DeletesWithoutPrune()
    {
        var plan = TestPlans.Make([], [Live.Safe("old")], removed: [Manifests.Safe("old")]);

        plan.Change("fudo_safe.old").Should().Match<ResourceChange>(c => c.Action == PlanAction.Delete && c.Reason == ChangeReasons.Removed);
    }

    [Fact]
    public void Plan_RemovedManifestWithoutDeletePolicy_ReportsInsteadOfDeleting()
    {
        var removed = Manifests.Safe("old", control: Manifests.Policies(ManagementPolicies.All & ~ManagementPolicies.Delete));

        var plan = TestPlans.Make([], [Live.Safe("old")], removed: [removed]);

        plan.Change("fudo_safe.old").Should().Match<ResourceChange>(c =>
            c.Action == PlanAction.NoOp && c.DriftAction == PlanAction.Delete && c.Reason == ChangeReasons.DeleteForbidden);
    }
}
