using PamOperator.Core.Manifests;
using PamOperator.Manifests.ProviderConfigs;

namespace PamOperator.Manifests.Validation;

/// <summary>What one document became: a vendor object, a ProviderConfig, or neither (diagnostics say why).</summary>
internal sealed record DocumentResult(ManifestObject? Object, ProviderConfig? ProviderConfig);
