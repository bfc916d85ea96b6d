using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Planning;

public class PlannerPolicyTests
{
    private static readonly ControlFields ObserveOnly = Manifests.Policies(ManagementPolicies.Observe);

    [Fact]
    public void Plan_MissingObjectWithoutCreatePolicy_IsReportedNotCreated()
    {
        var control = Manifests.Policies(ManagementPolicies.Observe | ManagementPolicies.Update);

        var plan = TestPlans.Make([Manifests.Safe("prod-db", control: control)], []);

        var change = plan.Change("fudo_safe.prod-db");
        change.Action.Should().Be(PlanAction.NoOp);
        change.DriftAction.Should().Be(PlanAction.Create);
        change.Reason.Should().Be(ChangeReasons.CreateForbidden);
        plan.HasChanges.Should().BeFalse();
        plan.HasDrift.Should().BeTrue();
    }

    [Fact]
    public void Plan_DriftWithoutUpdatePolicy_IsReportedNotChanged()
    {
        var control = Manifests.Policies(ManagementPolicies.All & ~ManagementPolicies.Update);

        var plan = TestPlans.Make([Manifests.Safe("prod-db", """{"requiredVotes":3}""", control)], [Live.Safe("prod-db")]);

        var change = plan.Change("fudo_safe.prod-db");
        change.Should().Match<ResourceChange>(c => c.Action == PlanAction.NoOp && c.DriftAction == PlanAction.Update);
        change.Reason.Should().Be(ChangeReasons.UpdateForbidden);
        change.FieldChanges.Should().ContainSingle(f => f.Path == "requiredVotes");
    }

    [Fact]
    public void Plan_ObserveOnly_ReportsDriftOnlyAndNeverActs()
    {
        var desired = new[]
        {
            Manifests.Safe("drifted", """{"blocked":true}""", ObserveOnly),
            Manifests.Safe("missing", control: ObserveOnly),
            Manifests.Account("immutable", """{"type":"forward","server":"db-01","login":"root"}""", ObserveOnly),
        };

        var plan = TestPlans.Make(desired, [Live.Safe("drifted"), Live.Account("immutable")]);

        plan.Changes.Should().OnlyContain(c => c.Action == PlanAction.NoOp && c.Reason == ChangeReasons.ObserveOnly);
        plan.Changes.Select(c => c.DriftAction).Should().Equal(PlanAction.Replace, PlanAction.Update, PlanAction.Create);
        plan.Diagnostics.Should().BeEmpty("observing drift is not an error");
    }

    [Fact]
    public void Plan_DeclaresBuiltinObject_ReportsDiagnosticAndNeverChangesIt()
    {
        var plan = TestPlans.Make([Manifests.Safe("default", """{"blocked":true}""")], [Live.Safe("default", builtin: true)]);

        plan.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.BuiltinObjectDeclared && d.Severity == Severity.Error);
        plan.Change("fudo_safe.default").Action.Should().Be(PlanAction.NoOp);
    }

    [Fact]
    public void Plan_ObservesHiddenObject_ReportsDriftWithoutDiagnostic()
    {
        var plan = TestPlans.Make([Manifests.Safe("hidden", """{"blocked":true}""", ObserveOnly)], [Live.Safe("hidden", hidden: true)]);

        plan.Diagnostics.Should().BeEmpty();
        plan.Change("fudo_safe.hidden").DriftAction.Should().Be(PlanAction.Update);
    }
}
