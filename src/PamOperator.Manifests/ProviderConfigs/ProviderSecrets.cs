namespace PamOperator.Manifests.ProviderConfigs;

/// <summary>The ProviderConfig's <c>secrets</c>: what the secret references of its objects may read.</summary>
/// <param name="Root">Absolute directory every <c>valueFrom.file</c> must resolve inside; null = the root of the
/// <c>-f</c> input each manifest came from.</param>
/// <param name="EnvPrefix">Prefix every <c>valueFrom.env</c> variable must start with; null = any (except the
/// credentials' variables, which are never allowed).</param>
public sealed record ProviderSecrets(string? Root, string? EnvPrefix);
