namespace PamOperator.Engine.Graph;

/// <summary>
/// The bounded-parallel walk behind <see cref="DependencyGraph{T}.WalkAsync"/> (after Terraform's <c>dag/walk.go</c>):
/// a step starts when all its dependencies succeeded; a failure or skip marks each dependent skipped once all its
/// dependencies are done. Ready steps start in name order, so a walk with parallelism 1 is deterministic.
/// </summary>
internal sealed class GraphWalker<T>(DependencyGraph<T> graph, Dictionary<T, HashSet<T>> dependencies, Dictionary<T, HashSet<T>> dependents)
    where T : notnull
{
    private readonly Dictionary<T, NodeOutcome<T>> _outcomes = new(graph.Comparer);
    private readonly Dictionary<T, string> _rootOf = new(graph.Comparer);
    private readonly Dictionary<T, int> _remaining = dependencies.ToDictionary(p => p.Key, p => p.Value.Count, graph.Comparer);
    private readonly PriorityQueue<T, string> _ready = new(StringComparer.Ordinal);

    public async Task<WalkResult<T>> WalkAsync(Func<T, CancellationToken, Task<StepResult>> step, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        if (graph.FindCycles().Count > 0)
        {
            throw new InvalidOperationException("the graph has a cycle; call FindCycles before walking it");
        }

        foreach (var (node, count) in _remaining.Where(p => p.Value == 0))
        {
            _ready.Enqueue(node, graph.NameOf(node));
        }

        var running = new Dictionary<Task<StepResult>, T>();
        var cancelled = false;
        while (true)
        {
            while (!cancelled && !cancellationToken.IsCancellationRequested && running.Count < parallelism && _ready.TryDequeue(out var next, out _))
            {
                running[Run(step, next, cancellationToken)] = next;
            }

            if (running.Count == 0)
            {
                break;
            }

            var done = await Task.WhenAny(running.Keys);
            var node = running[done];
            running.Remove(done);
            try
            {
                var result = await done;
                Complete(result.Succeeded
                    ? new NodeOutcome<T>(node, StepStatus.Succeeded)
                    : new NodeOutcome<T>(node, StepStatus.Failed, result.Error, Exception: result.Exception));
            }
            catch (OperationCanceledException)
            {
                cancelled = true; // drain the running steps, then report the cancellation
            }
        }

        if (cancelled || cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the walk was cancelled", cancellationToken);
        }

        return new WalkResult<T>(_outcomes, graph.NameOf);
    }

    private static async Task<StepResult> Run(Func<T, CancellationToken, Task<StepResult>> step, T node, CancellationToken cancellationToken)
    {
        await Task.Yield(); // never run a step inline on the walker's loop
        try
        {
            return await step(node, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing step is an outcome of the walk (its dependents are skipped), not a crash of the walker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return StepResult.Failure($"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private void Complete(NodeOutcome<T> firstOutcome)
    {
        var pending = new Stack<NodeOutcome<T>>([firstOutcome]);
        while (pending.TryPop(out var outcome))
        {
            var node = outcome.Node;
            _outcomes[node] = outcome;
            var root = outcome.Status switch
            {
                StepStatus.Failed => graph.NameOf(node),
                StepStatus.Skipped => outcome.RootCause,
                _ => null,
            };
            foreach (var dependent in dependents[node].OrderBy(graph.NameOf, StringComparer.Ordinal))
            {
                if (root is not null && (!_rootOf.TryGetValue(dependent, out var known) || string.CompareOrdinal(root, known) < 0))
                {
                    _rootOf[dependent] = root;
                }

                if (--_remaining[dependent] > 0)
                {
                    continue;
                }

                if (_rootOf.TryGetValue(dependent, out var cause))
                {
                    pending.Push(new NodeOutcome<T>(dependent, StepStatus.Skipped, NodeOutcome<T>.UpstreamFailedPrefix + cause, cause));
                }
                else
                {
                    _ready.Enqueue(dependent, graph.NameOf(dependent));
                }
            }
        }
    }
}
