using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Manifests.ProviderConfigs;

namespace PamOperator.Operator.Reconciling;

/// <summary>A custom resource read through the manifest reader: the object (or ProviderConfig), or why it is invalid.</summary>
internal sealed record Conversion(ManifestObject? Object, ProviderConfig? Config, IReadOnlyList<Diagnostic> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The errors as one status message (codes and summaries; never a value of a secret).</summary>
    public string Message => string.Join("; ", Errors.Select(e => $"{e.Code}: {e.Summary}"));
}
