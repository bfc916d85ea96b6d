using PamOperator.Core.Diagnostics;

namespace PamOperator.Engine.Graph;

/// <summary>Finds cycles with Tarjan's strongly connected components (iterative, so deep graphs cannot overflow the stack).</summary>
internal static class CycleFinder
{
    public static IReadOnlyList<Diagnostic> Find<T>(DependencyGraph<T> graph, Func<T, SourceLocation?> locationOf)
        where T : notnull
    {
        var components = StronglyConnected(graph);
        var diagnostics = new List<Diagnostic>();
        foreach (var component in components)
        {
            var isCycle = component.Count > 1 || graph.DependenciesOf(component[0]).Contains(component[0]);
            if (!isCycle)
            {
                continue;
            }

            var names = CycleOrder(graph, component).Select(graph.NameOf).ToList();
            names.Add(names[0]);
            var first = component.OrderBy(graph.NameOf, StringComparer.Ordinal).First();
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.DependencyCycle,
                $"dependency cycle: {string.Join(" -> ", names)}",
                "These objects reference each other, so none can be created first. Break the cycle by removing one reference.",
                component.OrderBy(graph.NameOf, StringComparer.Ordinal).Select(locationOf).FirstOrDefault(l => l is not null),
                graph.NameOf(first)));
        }

        return [.. diagnostics.OrderBy(d => d.Summary, StringComparer.Ordinal)];
    }

    /// <summary>A shortest cycle through the smallest-named member, in dependency order (breadth-first search).</summary>
    private static List<T> CycleOrder<T>(DependencyGraph<T> graph, List<T> component)
        where T : notnull
    {
        var members = component.ToHashSet(graph.Comparer);
        var start = component.OrderBy(graph.NameOf, StringComparer.Ordinal).First();
        var parent = new Dictionary<T, T>(graph.Comparer);
        var queue = new Queue<T>([start]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in graph.DependenciesOf(current).Where(members.Contains).OrderBy(graph.NameOf, StringComparer.Ordinal))
            {
                if (graph.Comparer.Equals(next, start))
                {
                    var path = new List<T> { current };
                    while (!graph.Comparer.Equals(path[^1], start))
                    {
                        path.Add(parent[path[^1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (parent.TryAdd(next, current))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [start];
    }

    private static List<List<T>> StronglyConnected<T>(DependencyGraph<T> graph)
        where T : notnull
    {
        var index = new Dictionary<T, int>(graph.Comparer);
        var low = new Dictionary<T, int>(graph.Comparer);
        var onStack = new HashSet<T>(graph.Comparer);
        var stack = new Stack<T>();
        var result = new List<List<T>>();
        var counter = 0;
        foreach (var root in graph.Nodes.OrderBy(graph.NameOf, StringComparer.Ordinal))
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(T Node, IEnumerator<T> Next)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Peek();
                if (next.MoveNext())
                {
                    var child = next.Current;
                    if (!index.ContainsKey(child))
                    {
                        Visit(child);
                    }
                    else if (onStack.Contains(child))
                    {
                        low[node] = Math.Min(low[node], index[child]);
                    }

                    continue;
                }

                work.Pop();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new List<T>();
                    T member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (!graph.Comparer.Equals(member, node));
                    result.Add(component);
                }
            }

            void Visit(T n)
            {
                index[n] = low[n] = counter++;
                stack.Push(n);
                onStack.Add(n);
                work.Push((n, graph.DependenciesOf(n).OrderBy(graph.NameOf, StringComparer.Ordinal).GetEnumerator()));
            }
        }

        return result;
    }
}
