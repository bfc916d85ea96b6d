using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Planning;

public class PlannerReplaceTests
{
    private const string SecretRef = """{"valueFrom":{"env":"DB_ADMIN_PASSWORD"}}""";

    [Fact]
    public void Plan_AccountTypeChanged_PlansReplaceWithDependents()
    {
        var account = Manifests.Account("db-admin", $$"""{"type":"forward","server":"db-01","login":"root","secret":{{SecretRef}}}""");
        var declaredListener = Manifests.Listener("db-admin-prod", """{"account":"db-admin","safe":"prod-db","listener":"ssh-gw"}""");
        var live = new[]
        {
            Live.Account("db-admin"), Live.Safe("prod-db"), Live.Safe("ops"),
            Live.Listener("db-admin", "prod-db", "ssh-gw"),
            Live.Listener("DB-ADMIN", "ops", "ssh-gw"), // undeclared; references the account by name, in another case
            Live.Listener("other", "ops", "ssh-gw"),
        };

        var plan = TestPlans.Make([account, declaredListener, Manifests.Safe("prod-db")], live);

        var replaced = plan.Change("fudo_account.db-admin");
        replaced.Action.Should().Be(PlanAction.Replace);
        replaced.ReplacePaths.Should().Equal("type");
        replaced.Reason.Should().Be("forced by immutable field spec.type");
        replaced.FieldChanges.Should().Contain(f => f.Path == "type" && f.ForcesReplacement);
        replaced.Secrets.Should().ContainSingle().Which.Reference!.ToJsonString().Should().Be(SecretRef, "a create sends the secret");
        replaced.After!.ContainsKey("secret").Should().BeFalse();

        plan.Change("fudo_account_safe_listener_assignment.db-admin-prod").Should().Match<ResourceChange>(c =>
            c.Action == PlanAction.Replace && c.Reason == "dependency replaced: fudo_account.db-admin");
        var liveOnly = plan.Change("fudo_account_safe_listener_assignment.account=DB-ADMIN,safe=ops,listener=ssh-gw");
        liveOnly.Action.Should().Be(PlanAction.Replace);
        liveOnly.After!.ToJsonString().Should().Be(liveOnly.Before!.ToJsonString(), "an undeclared dependent is recreated as it is");
        plan.Changes.Should().NotContain(c => c.Key.StartsWith("account=other", StringComparison.Ordinal));
        plan.Summary.Should().Be(new PlanSummary(3, 0, 3));
        plan.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Plan_ReplacedAccountIsPasswordChangerOfAnother_ReplacesTransitively()
    {
        var changer = Manifests.Account("changer", """{"type":"forward","server":"db-01","login":"root"}""");
        var user = Manifests.Account("app", """{"server":"db-01","login":"root","passwordChanger":"changer"}""");
        var live = new[]
        {
            Live.Account("changer"), Live.Account("app", """{"passwordChanger":"changer"}"""), Live.Safe("ops"),
            Live.Listener("app", "ops", "ssh-gw"),
        };

        var plan = TestPlans.Make([changer, user], live);

        plan.Change("fudo_account.changer").Action.Should().Be(PlanAction.Replace);
        plan.Change("fudo_account.app").Reason.Should().Be("dependency replaced: fudo_account.changer");
        plan.Change("fudo_account_safe_listener_assignment.account=app,safe=ops,listener=ssh-gw").Reason
            .Should().Be("dependency replaced: fudo_account.app", "the chain goes on from each replaced object");
    }

    [Fact]
    public void Plan_UndeclaredDependentHoldsSecret_ReportsItCannotBeRecreated()
    {
        var changer = Manifests.Account("changer", """{"type":"forward","server":"db-01","login":"root"}""");
        var live = new[] { Live.Account("changer"), Live.Account("app", """{"passwordChanger":"changer"}""") };

        var plan = TestPlans.Make([changer], live);

        var diagnostic = plan.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DiagnosticCodes.DependentCannotBeRecreated);
        diagnostic.Summary.Should().Contain("fudo_account.app").And.Contain("write-only");
        plan.HasErrors.Should().BeTrue();
        plan.Changes.Should().NotContain(c => c.Address.Name == "app");
    }

    [Fact]
    public void Plan_ReplaceNeededWithoutDeletePolicy_ReportsDiagnosticAndDriftOnly()
    {
        var control = Manifests.Policies(ManagementPolicies.Observe | ManagementPolicies.Create | ManagementPolicies.Update);
        var account = Manifests.Account("db-admin", """{"type":"forward","server":"db-01","login":"root"}""", control);

        var plan = TestPlans.Make([account], [Live.Account("db-admin")]);

        var change = plan.Change("fudo_account.db-admin");
        change.Action.Should().Be(PlanAction.NoOp);
        change.DriftAction.Should().Be(PlanAction.Replace);
        plan.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.ReplaceNotAllowed && d.Severity == Severity.Error)
            .Which.Location.Should().Be(account.Location);
    }

    [Fact]
    public void Plan_DependentCreatedInSamePlan_IsCreatedNotReplaced()
    {
        var account = Manifests.Account("db-admin", """{"type":"forward","server":"db-01","login":"root"}""");
        var listener = Manifests.Listener("db-admin-ops", """{"account":"db-admin","safe":"ops","listener":"ssh-gw"}""");

        var plan = TestPlans.Make([account, listener], [Live.Account("db-admin"), Live.Safe("ops")]);

        plan.Change("fudo_account_safe_listener_assignment.db-admin-ops").Action.Should().Be(PlanAction.Create);
        plan.Change("fudo_account_safe_listener_assignment.db-admin-ops").Dependencies.Should().Contain("fudo_account.db-admin");
    }

    [Fact]
    public void Plan_ObserveOnlyDependentOfReplacedObject_ReportsDiagnostic()
    {
        var observeOnly = Manifests.Policies(ManagementPolicies.Observe);
        var account = Manifests.Account("db-admin", """{"type":"forward","server":"db-01","login":"root"}""");
        var listener = Manifests.Listener("db-admin-ops", """{"account":"db-admin","safe":"ops","listener":"ssh-gw"}""", observeOnly);

        var plan = TestPlans.Make([account, listener], [Live.Account("db-admin"), Live.Safe("ops"), Live.Listener("db-admin", "ops", "ssh-gw")]);

        plan.Change("fudo_account_safe_listener_assignment.db-admin-ops").Action.Should().Be(PlanAction.NoOp);
        plan.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.ReplaceNotAllowed && d.Address == "fudo_account_safe_listener_assignment.db-admin-ops");
    }
}
