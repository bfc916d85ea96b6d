namespace PamOperator.Engine.Graph;

/// <summary>
/// Every node's outcome after <see cref="DependencyGraph{T}.WalkAsync"/>. <see cref="Failures"/> holds each root
/// cause once; skipped dependents point to it instead of repeating it.
/// </summary>
public sealed record WalkResult<T>(IReadOnlyDictionary<T, NodeOutcome<T>> Outcomes, Func<T, string> NameOf)
    where T : notnull
{
    public bool Succeeded => Outcomes.Values.All(o => o.Status == StepStatus.Succeeded);

    /// <summary>The steps that ran and failed, each once, sorted by name.</summary>
    public IReadOnlyList<NodeOutcome<T>> Failures => Sorted(StepStatus.Failed);

    /// <summary>The steps not run because of an upstream failure, sorted by name.</summary>
    public IReadOnlyList<NodeOutcome<T>> Skipped => Sorted(StepStatus.Skipped);

    private List<NodeOutcome<T>> Sorted(StepStatus status) =>
        [.. Outcomes.Values.Where(o => o.Status == status).OrderBy(o => NameOf(o.Node), StringComparer.Ordinal)];
}
