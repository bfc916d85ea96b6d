namespace PamOperator.Engine.Planning;

/// <summary>
/// The ownership scope of prune (from the ProviderConfig): an undeclared live object may be pruned only when one of
/// <see cref="Selectors"/> matches it. Empty: nothing is owned, nothing is pruned.
/// </summary>
public sealed record PruneScope(IReadOnlyList<ScopeSelector> Selectors)
{
    public static PruneScope Empty { get; } = new([]);
}
