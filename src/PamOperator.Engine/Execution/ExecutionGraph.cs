using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Graph;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Execution;

/// <summary>
/// The order an applier follows, derived from a plan alone: creates and updates parent-first (after the steps that
/// create or update what they reference), deletes child-first (after the deletes or updates of what references
/// them), a replace as a delete step then a create step. Independent branches have no edge and may run in parallel.
/// </summary>
public sealed class ExecutionGraph
{
    private ExecutionGraph(DependencyGraph<PlanStep> graph, IReadOnlyList<Diagnostic> diagnostics)
    {
        Graph = graph;
        Diagnostics = diagnostics;
    }

    /// <summary>Steps and their "runs after" edges; walk it with <see cref="DependencyGraph{T}.WalkAsync"/>.</summary>
    public DependencyGraph<PlanStep> Graph { get; }

    /// <summary>Cycles, by step name (an applier must not run a graph that has any).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Builds the graph of <paramref name="plan"/>'s writes. NoOp and drift-only changes have no step.</summary>
    public static ExecutionGraph Build(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var graph = new DependencyGraph<PlanStep>(s => s.Name, s => s.Change.Location, PlanStep.ByName);
        var steps = new Dictionary<string, (PlanStep? Write, PlanStep? Delete)>(StringComparer.Ordinal);
        foreach (var change in plan.Changes)
        {
            var (write, delete) = StepsOf(change);
            steps[change.Address.ToString()] = (write, delete);
            if (write is not null)
            {
                graph.AddNode(write);
            }

            if (delete is not null)
            {
                graph.AddNode(delete);
            }

            if (write is not null && delete is not null)
            {
                graph.AddEdge(write, delete); // replace: the PAM name must be free before it is created again
            }
        }

        foreach (var child in plan.Changes)
        {
            var (childWrite, childDelete) = steps[child.Address.ToString()];
            foreach (var parentAddress in child.Dependencies)
            {
                if (!steps.TryGetValue(parentAddress, out var parent))
                {
                    continue;
                }

                if (childWrite is not null && parent.Write is not null)
                {
                    graph.AddEdge(childWrite, parent.Write); // parent-first
                }

                var childLetGo = childDelete ?? (childWrite?.Operation == StepOperation.Update ? childWrite : null);
                if (parent.Delete is not null && childLetGo is not null)
                {
                    graph.AddEdge(parent.Delete, childLetGo); // child-first
                }
            }
        }

        return new ExecutionGraph(graph, graph.FindCycles());
    }

    private static (PlanStep? Write, PlanStep? Delete) StepsOf(ResourceChange change) => change.Action switch
    {
        PlanAction.Create => (new PlanStep(change, StepOperation.Create), null),
        PlanAction.Update => (new PlanStep(change, StepOperation.Update), null),
        PlanAction.Delete => (null, new PlanStep(change, StepOperation.Delete)),
        PlanAction.Replace => (new PlanStep(change, StepOperation.Create), new PlanStep(change, StepOperation.Delete)),
        _ => (null, null),
    };
}
