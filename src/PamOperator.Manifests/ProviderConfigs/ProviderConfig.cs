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

    /// <summary><c>fudo</c>, <c>sps</c>, <c>cyberark</c> or <c>privx</c>.</summary>
    public required string Vendor { get; init; }

    public required Uri Endpoint { get; init; }

    /// <summary>The API credentials, by reference (never the value).</summary>
    public required SecretReference Credentials { get; init; }

    public ProviderTls Tls { get; init; } = new(null, false);

    public ProviderRateLimit RateLimit { get; init; } = new(20, 40);

    /// <summary>Concurrent API calls, 1..64. Default 10.</summary>
    public int Parallelism { get; init; } = 10;

    public ProviderTransaction Transaction { get; init; } = new(TransactionMode.Atomic, 500);

    public PruneSettings Prune { get; init; } = new(false, []);

    /// <summary>Where secret references may read from (<c>spec.secrets</c>). Default: no restriction beyond the
    /// manifests' root and the credentials' variables.</summary>
    public ProviderSecrets Secrets { get; init; } = new(null, null);

    /// <summary>Where the document starts.</summary>
    public required SourceLocation Location { get; init; }
}
