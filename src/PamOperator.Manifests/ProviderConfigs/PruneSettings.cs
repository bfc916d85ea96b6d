namespace PamOperator.Manifests.ProviderConfigs;

/// <param name="Enabled">Prune undeclared live objects inside <paramref name="Scope"/>. Default false.</param>
/// <param name="Scope">The ownership scope; an undeclared object outside every entry is never pruned.</param>
public sealed record PruneSettings(bool Enabled, IReadOnlyList<PruneScopeEntry> Scope);
