using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Secrets;

namespace PamOperator.Manifests.ProviderConfigs;

/// <summary>
/// A validated <c>pamoperator.io/v1alpha1 ProviderConfig</c> with every default applied: how to reach one PAM.
/// Objects pick one by <c>providerConfigRef</c>; when exactly one exists it is the default.
/// </summary>
public sealed record ProviderConfig
{
    /// <summary><c>metadata.name</c>, what <c>providerConfigRef.name</c> refers to.</summary>
    public required string Name { get; init; }

    /// <summary>The vendor module's key (one of the registry's vendors).</summary>
    public required string Vendor { get; init; }

    public required Uri Endpoint { get; init; }

    /// <summary>The API credentials, by reference (never the value).</summary>
    public required SecretReference Credentials { get; init; }

    public ProviderTls Tls { get; init; } = new(null, false);

    public ProviderRateLimit RateLimit { get; init; } = new(20, 40);

    /// <summary>Concurrent API calls, 1..64. Default 10.</summary>
    public int Parallelism { get; init; } = 10;

    /// <summary>The vendor's own section, <c>spec.&lt;vendor&gt;</c>, as written (validated by the module's schema;
    /// the module applies its defaults). Empty when absent.</summary>
    public System.Text.Json.Nodes.JsonObject VendorSettings { get; init; } = [];

    public PruneSettings Prune { get; init; } = new(false, []);

    /// <summary>Where secret references may read from (<c>spec.secrets</c>). Default: no restriction beyond the
    /// manifests' root and the credentials' variables.</summary>
    public ProviderSecrets Secrets { get; init; } = new(null, null);

    /// <summary>Where the document starts.</summary>
    public required SourceLocation Location { get; init; }
}
