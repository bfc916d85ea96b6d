namespace PamOperator.Engine.Planning;

/// <summary>
/// How far the plan may go. Default: no prune, no delete limit.
/// </summary>
/// <param name="Prune">Delete live objects of managed kinds that no manifest declares, inside <paramref name="Scope"/>
/// only. Off by default: deletion is opt-in.</param>
/// <param name="Scope">The ownership scope: which undeclared live objects this source owns and may prune.</param>
/// <param name="MaxDeletes">Mass-delete guard: a plan with more deletes plus replaces than this has an error. Null: no limit.</param>
public sealed record PlanOptions(bool Prune = false, PruneScope? Scope = null, int? MaxDeletes = null)
{
    public static PlanOptions Default { get; } = new();

    public PruneScope EffectiveScope => Scope ?? PruneScope.Empty;
}
