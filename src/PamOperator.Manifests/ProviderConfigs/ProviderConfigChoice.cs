using PamOperator.Core.Manifests;

namespace PamOperator.Manifests.ProviderConfigs;

/// <summary>
/// Which ProviderConfig manages an object (after Crossplane): the one its <c>providerConfigRef</c> names; without one,
/// the only ProviderConfig of the input, else the one named <see cref="DefaultName"/>. Null when none applies (the
/// semantic validator reports it). Pure.
/// </summary>
public static class ProviderConfigChoice
{
    /// <summary>The ProviderConfig an object without <c>providerConfigRef</c> uses when there are several.</summary>
    public const string DefaultName = "default";

    public static ProviderConfig? For(ManifestObject manifest, IReadOnlyList<ProviderConfig> configs)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(configs);
        if (manifest.Control.ProviderConfigRef is { } name)
        {
            return configs.FirstOrDefault(c => c.Name == name);
        }

        return configs.Count == 1 ? configs[0] : configs.FirstOrDefault(c => c.Name == DefaultName);
    }
}
