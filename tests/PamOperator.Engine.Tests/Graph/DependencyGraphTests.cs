using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Graph;
using Xunit;

namespace PamOperator.Engine.Tests.Graph;

public class DependencyGraphTests
{
    private static DependencyGraph<string> Graph(params (string Dependent, string Dependency)[] edges)
    {
        var graph = new DependencyGraph<string>(s => s, s => new SourceLocation($"{s}.yaml", 1, 1));
        foreach (var (dependent, dependency) in edges)
        {
            graph.AddEdge(dependent, dependency);
        }

        return graph;
    }

    [Fact]
    public void TopologicalOrder_PutsDependenciesFirst_TiesByName()
    {
        var graph = Graph(("assignment", "safe"), ("assignment", "user"), ("listener", "account"), ("account", "server"));
        graph.AddNode("zzz-alone");

        graph.TopologicalOrder().Should().Equal("safe", "server", "account", "listener", "user", "assignment", "zzz-alone");
        graph.ReverseTopologicalOrder().Should().Equal("zzz-alone", "assignment", "user", "listener", "account", "server", "safe");
        graph.FindCycles().Should().BeEmpty();
    }

    [Fact]
    public void FindCycles_TwoCycles_ReportsEachByNameWithLocation()
    {
        var graph = Graph(("b", "c"), ("c", "a"), ("a", "b"), ("x", "x"), ("d", "a"));

        var cycles = graph.FindCycles();

        cycles.Select(d => d.Summary).Should().Equal("dependency cycle: a -> b -> c -> a", "dependency cycle: x -> x");
        cycles.Should().OnlyContain(d => d.Code == DiagnosticCodes.DependencyCycle && d.Severity == Severity.Error);
        cycles[0].Location.Should().Be(new SourceLocation("a.yaml", 1, 1));
        cycles[0].Address.Should().Be("a");
    }

    [Fact]
    public void TopologicalOrder_WithCycle_ThrowsBecauseCallersMustCheckCyclesFirst()
    {
        var graph = Graph(("a", "b"), ("b", "a"));

        var act = () => graph.TopologicalOrder();

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void AddEdge_Twice_IsIdempotent()
    {
        var graph = Graph(("a", "b"), ("a", "b"));

        graph.DependenciesOf("a").Should().Equal("b");
        graph.DependentsOf("b").Should().Equal("a");
        graph.Nodes.Should().HaveCount(2);
    }
}
