using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Manifests.ProviderConfigs;

namespace PamOperator.Manifests;

/// <summary>
/// Everything a read produced. <see cref="Objects"/> and <see cref="ProviderConfigs"/> hold only documents without
/// errors (a YAML-level error, such as a duplicate key, excludes every document of its file), in input order (files sorted, then document order); <see cref="Diagnostics"/> is sorted by file, line,
/// column and code. When <see cref="HasErrors"/> is true, callers must not plan or apply.
/// </summary>
/// <param name="Objects">Valid vendor objects.</param>
/// <param name="ProviderConfigs">Valid ProviderConfigs, defaults applied.</param>
/// <param name="Diagnostics">Every problem found, sorted.</param>
/// <param name="Documents">Non-empty YAML documents read, valid or not (for summaries).</param>
public sealed record ManifestReadResult(
    IReadOnlyList<ManifestObject> Objects,
    IReadOnlyList<ProviderConfig> ProviderConfigs,
    IReadOnlyList<Diagnostic> Diagnostics,
    int Documents)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The default secrets root of each input file, by the name diagnostics give it (see
    /// <see cref="Secrets.SecretPolicies"/>). Empty for results not read from files.</summary>
    public IReadOnlyDictionary<string, string> SecretRoots { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
