using PamOperator.Core.Diagnostics;

namespace PamOperator.Engine.Graph;

/// <summary>
/// A small directed graph of "runs after" edges (after Terraform's <c>internal/dag</c>). An edge from A to B means
/// A depends on B: B runs first. Nodes are compared with the given comparer and named (for diagnostics and
/// deterministic ordering) by <c>nameOf</c>. Not thread-safe while being built; read-only use is safe.
/// </summary>
public sealed class DependencyGraph<T>
    where T : notnull
{
    private readonly Dictionary<T, HashSet<T>> _dependencies;
    private readonly Dictionary<T, HashSet<T>> _dependents;
    private readonly Func<T, SourceLocation?> _locationOf;

    public DependencyGraph(Func<T, string> nameOf, Func<T, SourceLocation?>? locationOf = null, IEqualityComparer<T>? comparer = null)
    {
        NameOf = nameOf;
        _locationOf = locationOf ?? (_ => null);
        _dependencies = new Dictionary<T, HashSet<T>>(comparer);
        _dependents = new Dictionary<T, HashSet<T>>(comparer);
    }

    public Func<T, string> NameOf { get; }

    public IReadOnlyCollection<T> Nodes => _dependencies.Keys;

    internal IEqualityComparer<T> Comparer => _dependencies.Comparer;

    /// <summary>Adds a node; adding it again does nothing.</summary>
    public void AddNode(T node)
    {
        if (!_dependencies.ContainsKey(node))
        {
            _dependencies[node] = new HashSet<T>(_dependencies.Comparer);
            _dependents[node] = new HashSet<T>(_dependencies.Comparer);
        }
    }

    /// <summary><paramref name="dependent"/> runs after <paramref name="dependency"/>. Adds missing nodes; idempotent.</summary>
    public void AddEdge(T dependent, T dependency)
    {
        AddNode(dependent);
        AddNode(dependency);
        _dependencies[dependent].Add(dependency);
        _dependents[dependency].Add(dependent);
    }

    public IReadOnlyCollection<T> DependenciesOf(T node) => _dependencies.TryGetValue(node, out var s) ? s : [];

    public IReadOnlyCollection<T> DependentsOf(T node) => _dependents.TryGetValue(node, out var s) ? s : [];

    /// <summary>One error diagnostic per cycle, naming its members in order (<c>a -> b -> a</c>), located at the
    /// first member with a location. Empty when the graph is acyclic.</summary>
    public IReadOnlyList<Diagnostic> FindCycles() => CycleFinder.Find(this, _locationOf);

    /// <summary>Dependencies before dependents; ties broken by name, so the order is deterministic.
    /// Throws <see cref="InvalidOperationException"/> on a cyclic graph: check <see cref="FindCycles"/> first.</summary>
    public IReadOnlyList<T> TopologicalOrder()
    {
        var remaining = _dependencies.ToDictionary(p => p.Key, p => p.Value.Count, _dependencies.Comparer);
        var ready = new PriorityQueue<T, string>(StringComparer.Ordinal);
        foreach (var (node, count) in remaining.Where(p => p.Value == 0))
        {
            ready.Enqueue(node, NameOf(node));
        }

        var order = new List<T>(remaining.Count);
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(node);
            foreach (var dependent in _dependents[node])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Enqueue(dependent, NameOf(dependent));
                }
            }
        }

        return order.Count == remaining.Count
            ? order
            : throw new InvalidOperationException("the graph has a cycle; call FindCycles before ordering it");
    }

    /// <summary>Dependents before dependencies (the delete order): <see cref="TopologicalOrder"/> reversed.</summary>
    public IReadOnlyList<T> ReverseTopologicalOrder() => [.. TopologicalOrder().Reverse()];

    /// <summary>Runs <paramref name="step"/> for every node, each after all its dependencies succeeded, at most
    /// <paramref name="parallelism"/> at a time. A failed step skips all its dependents (outcome "upstream failed:
    /// &lt;root&gt;"); independent branches go on. Cancellation stops starting steps, waits for the running ones and
    /// throws <see cref="OperationCanceledException"/>. Throws <see cref="InvalidOperationException"/> on a cycle.</summary>
    public Task<WalkResult<T>> WalkAsync(Func<T, CancellationToken, Task<StepResult>> step, int parallelism, CancellationToken cancellationToken) =>
        new GraphWalker<T>(this, _dependencies, _dependents).WalkAsync(step, parallelism, cancellationToken);
}
