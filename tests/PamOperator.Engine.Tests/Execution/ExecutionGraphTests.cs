using FluentAssertions;
using PamOperator.Core.Manifests;
using PamOperator.Engine.Execution;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Execution;

public class ExecutionGraphTests
{
    private static IReadOnlyList<string> Order(ExecutionGraph graph) => [.. graph.Graph.TopologicalOrder().Select(s => s.Name)];

    [Fact]
    public void Build_CreatesParentFirst()
    {
        var plan = TestPlans.Make([Manifests.UserSafe("alice-new", """{"user":"alice","safe":"new"}"""), Manifests.Safe("new")], []);

        var graph = ExecutionGraph.Build(plan);

        graph.Diagnostics.Should().BeEmpty();
        Order(graph).Should().Equal("create fudo_safe.new", "create fudo_user_safe_assignment.alice-new");
        graph.Graph.DependenciesOf(graph.Graph.Nodes.Single(s => s.Operation == StepOperation.Create && s.Change.Type.WireType == "user_safe"))
            .Select(s => s.Name).Should().Equal("create fudo_safe.new");
    }

    [Fact]
    public void Build_DeletesChildFirst()
    {
        var options = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("old")]));
        var plan = TestPlans.Make([], [Live.Safe("old"), Live.UserSafe("alice", "old")], options);

        var graph = ExecutionGraph.Build(plan);

        Order(graph).Should().Equal("delete fudo_user_safe_assignment.user=alice,safe=old", "delete fudo_safe.old");
    }

    [Fact]
    public void Build_ReplaceChain_DeletesDependentsFirstThenCreatesParentsFirst()
    {
        var account = Manifests.Account("db-admin", """{"type":"forward","server":"db-01","login":"root"}""");
        var plan = TestPlans.Make([account], [Live.Account("db-admin"), Live.Safe("ops"), Live.Listener("db-admin", "ops", "ssh-gw")]);

        var order = Order(ExecutionGraph.Build(plan));

        const string listener = "fudo_account_safe_listener_assignment.account=db-admin,safe=ops,listener=ssh-gw";
        order.Should().Equal($"delete {listener}", "delete fudo_account.db-admin", "create fudo_account.db-admin", $"create {listener}");
    }

    [Fact]
    public void Build_UpdateThatDropsReferenceToDeletedObject_UpdatesBeforeTheDelete()
    {
        var options = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("old-", "Account")]));
        var app = Manifests.Account("app", """{"server":"db-01","login":"root"}""");
        var plan = TestPlans.Make([app], [Live.Account("app", """{"passwordChanger":"old-changer"}"""), Live.Account("old-changer")], options);

        var order = Order(ExecutionGraph.Build(plan));

        order.Should().Equal("update fudo_account.app", "delete fudo_account.old-changer");
    }

    [Fact]
    public void Build_IndependentChanges_HaveNoEdgesAndNoOpsHaveNoSteps()
    {
        var observeOnly = ControlFields.Default with { ManagementPolicies = ManagementPolicies.Observe };
        var plan = TestPlans.Make(
            [Manifests.Safe("a"), Manifests.Safe("b"), Manifests.Safe("same"), Manifests.Safe("watched", """{"blocked":true}""", observeOnly)],
            [Live.Safe("same"), Live.Safe("watched")]);

        var graph = ExecutionGraph.Build(plan);

        graph.Graph.Nodes.Select(s => s.Name).Should().BeEquivalentTo("create fudo_safe.a", "create fudo_safe.b");
        graph.Graph.Nodes.Should().OnlyContain(s => graph.Graph.DependenciesOf(s).Count == 0);
    }

    [Fact]
    public void Build_CyclicPlan_ReportsCycleByStepName()
    {
        var plan = TestPlans.Make(
            [Manifests.Account("a", """{"server":"db-01","passwordChanger":"b"}"""), Manifests.Account("b", """{"server":"db-01","passwordChanger":"a"}""")],
            []);

        var graph = ExecutionGraph.Build(plan);

        graph.Diagnostics.Should().ContainSingle().Which.Summary
            .Should().Be("dependency cycle: create fudo_account.a -> create fudo_account.b -> create fudo_account.a");
    }
}
