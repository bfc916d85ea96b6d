using FluentAssertions;
using PamOperator.Engine.Graph;
using Xunit;

namespace PamOperator.Engine.Tests.Graph;

public class GraphWalkerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static DependencyGraph<string> Graph(string[] nodes, params (string Dependent, string Dependency)[] edges)
    {
        var graph = new DependencyGraph<string>(s => s);
        foreach (var node in nodes)
        {
            graph.AddNode(node);
        }

        foreach (var (dependent, dependency) in edges)
        {
            graph.AddEdge(dependent, dependency);
        }

        return graph;
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task WalkAsync_TwoIndependentSlowSteps_RunAtTheSameTime()
    {
        var graph = Graph(["a", "b"]);
        var started = new Dictionary<string, TaskCompletionSource> { ["a"] = Signal(), ["b"] = Signal() };
        var release = Signal();

        var walk = graph.WalkAsync(async (node, ct) =>
        {
            started[node].SetResult();
            await release.Task.WaitAsync(Bound, ct);
            return StepResult.Success;
        }, parallelism: 2, CancellationToken.None);

        // Both steps have started while neither may finish yet: they overlap. Bounded, so a bug fails instead of hanging.
        await Task.WhenAll(started["a"].Task, started["b"].Task).WaitAsync(Bound);
        release.SetResult();
        var result = await walk.WaitAsync(Bound);

        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task WalkAsync_ParallelismOne_RunsOneStepAtATimeInDependencyOrder()
    {
        var graph = Graph(["b", "a", "c"], ("c", "a"));
        var order = new List<string>();
        var running = 0;
        var maxRunning = 0;

        var result = await graph.WalkAsync(async (node, ct) =>
        {
            maxRunning = Math.Max(maxRunning, Interlocked.Increment(ref running));
            lock (order)
            {
                order.Add(node);
            }

            await Task.Yield();
            Interlocked.Decrement(ref running);
            return StepResult.Success;
        }, parallelism: 1, CancellationToken.None).WaitAsync(Bound);

        result.Succeeded.Should().BeTrue();
        maxRunning.Should().Be(1);
        order.Should().Equal("a", "b", "c");
    }

    [Fact]
    public async Task WalkAsync_StepFails_SkipsAllDependentsAndReportsRootOnce()
    {
        var graph = Graph(["independent"], ("b", "a"), ("c", "b"), ("c", "independent"));
        var ran = new List<string>();

        var result = await graph.WalkAsync((node, ct) =>
        {
            lock (ran)
            {
                ran.Add(node);
            }

            return Task.FromResult(node == "a" ? StepResult.Failure("PAM said 409") : StepResult.Success);
        }, parallelism: 4, CancellationToken.None).WaitAsync(Bound);

        ran.Should().BeEquivalentTo(["a", "independent"], "dependents of a failed step never run");
        result.Failures.Should().ContainSingle().Which.Should().Match<NodeOutcome<string>>(o => o.Node == "a" && o.Message == "PAM said 409");
        result.Skipped.Select(o => (o.Node, o.Message)).Should().Equal(("b", "upstream failed: a"), ("c", "upstream failed: a"));
        result.Outcomes["independent"].Status.Should().Be(StepStatus.Succeeded);
        result.Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task WalkAsync_StepThrows_IsAFailureWithTheMessage()
    {
        var graph = Graph(["a"]);

        var result = await graph.WalkAsync(
            (_, _) => throw new InvalidOperationException("connection reset"), parallelism: 1, CancellationToken.None).WaitAsync(Bound);

        var failure = result.Failures.Should().ContainSingle().Subject;
        failure.Message.Should().Be("InvalidOperationException: connection reset");
        failure.Exception.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public async Task WalkAsync_Cancelled_StopsStartingStepsAndThrows()
    {
        using var cts = new CancellationTokenSource();
        var graph = Graph(["a", "b"], ("b", "a"));
        var ran = new List<string>();

        var act = () => graph.WalkAsync((node, ct) =>
        {
            ran.Add(node);
            cts.Cancel();
            return Task.FromResult(StepResult.Success);
        }, parallelism: 1, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        ran.Should().Equal("a");
    }

    [Fact]
    public async Task WalkAsync_CyclicGraph_Throws()
    {
        var graph = Graph([], ("a", "b"), ("b", "a"));

        var act = () => graph.WalkAsync((_, _) => Task.FromResult(StepResult.Success), 1, CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>();
    }
}
