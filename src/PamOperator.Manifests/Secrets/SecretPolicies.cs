using PamOperator.Core.Manifests;
using PamOperator.Manifests.ProviderConfigs;

namespace PamOperator.Manifests.Secrets;

/// <summary>
/// Builds the <see cref="SecretSourcePolicy"/> that applies to an object (from its ProviderConfig's <c>secrets</c> and
/// every ProviderConfig's credentials) or to a ProviderConfig's own credentials. Pure.
/// </summary>
public static class SecretPolicies
{
    /// <summary>The policy for the secret fields of <paramref name="obj"/>. <paramref name="roots"/> maps each input
    /// file (as diagnostics name it) to its default secrets root (<see cref="ManifestReadResult.SecretRoots"/>).</summary>
    public static SecretSourcePolicy For(ManifestObject obj, IReadOnlyList<ProviderConfig> configs, IReadOnlyDictionary<string, string> roots)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var config = obj.Control.ProviderConfigRef is { } name
            ? configs.FirstOrDefault(c => c.Name == name)
            : configs.Count == 1 ? configs[0] : null;
        var reserved = configs.Where(c => c.Credentials.Source == SecretSource.Environment)
            .Select(c => c.Credentials.Name).ToHashSet(StringComparer.Ordinal);
        return new SecretSourcePolicy(
            config?.Secrets.Root ?? DefaultRoot(obj.Location.File, roots), config?.Secrets.Root is not null, config?.Secrets.EnvPrefix, reserved);
    }

    /// <summary>The policy for a ProviderConfig's own <c>credentials</c> (its secrets root; no variable restriction).</summary>
    public static SecretSourcePolicy ForCredentials(ProviderConfig config, IReadOnlyDictionary<string, string> roots)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new SecretSourcePolicy(config.Secrets.Root ?? DefaultRoot(config.Location.File, roots), config.Secrets.Root is not null,
            null, new HashSet<string>(StringComparer.Ordinal));
    }

    private static string DefaultRoot(string file, IReadOnlyDictionary<string, string> roots) =>
        roots.TryGetValue(file, out var root) ? root : SecretReferences.BaseDirectoryOf(file);
}
