namespace PamOperator.Cli.Workflows;

/// <summary>What the user asked a plan for (the options shared by <c>plan</c> and <c>apply</c>).</summary>
/// <param name="Paths">Files, directories or <c>-</c> for stdin.</param>
/// <param name="Prune">Delete undeclared live objects inside the ownership scope (also enabled by the ProviderConfig).</param>
/// <param name="PruneNamePrefixes">Extra ownership-scope selectors (all kinds) added on the command line.</param>
/// <param name="MaxDeletes">Refuse plans that delete (or replace) more objects than this; null = the ProviderConfig's
/// <c>prune.maxDeletes</c>, else no limit.</param>
/// <param name="Embedded">Without a ProviderConfig, run against the embedded simulators (<c>--embedded</c>).</param>
/// <param name="Targets">Plan only these objects (<c>--target</c>) and what they reference.</param>
/// <param name="Selector">Plan only the objects this label selector matches (<c>-l</c>) and what they reference.</param>
public sealed record PlanInputs(
    IReadOnlyList<string> Paths,
    bool Prune = false,
    IReadOnlyList<string>? PruneNamePrefixes = null,
    int? MaxDeletes = null,
    bool Embedded = false,
    IReadOnlyList<string>? Targets = null,
    string? Selector = null)
{
    /// <summary>The run is narrowed to some objects (<c>--target</c> or <c>--selector</c>).</summary>
    public bool IsTargeted => (Targets?.Count ?? 0) > 0 || Selector is not null;
}
