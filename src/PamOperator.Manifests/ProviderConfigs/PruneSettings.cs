namespace PamOperator.Manifests.ProviderConfigs;

/// <param name="Enabled">Prune undeclared live objects inside <paramref name="Scope"/>. Default false.</param>
/// <param name="Scope">The ownership scope; an undeclared object outside every entry is never pruned.</param>
/// <param name="MaxDeletes">The mass-delete guard for this PAM (<c>prune.maxDeletes</c>): a plan that deletes or replaces
/// more objects is refused. Null: no limit. <c>--max-deletes</c> overrides it.</param>
public sealed record PruneSettings(bool Enabled, IReadOnlyList<PruneScopeEntry> Scope, int? MaxDeletes = null);
