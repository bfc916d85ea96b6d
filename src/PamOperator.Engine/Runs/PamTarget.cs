using PamOperator.Core.Manifests;
using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Engine.Planning;

namespace PamOperator.Engine.Runs;

/// <summary>
/// One PAM of a run and what is asked of it: its connection, its vendor's kinds, the objects it manages (those whose
/// ProviderConfig it is) and the planning options. Several targets are observed, planned and applied independently,
/// each in its own transaction. The caller owns <see cref="Connection"/>.
/// </summary>
public sealed record PamTarget
{
    /// <summary>The ProviderConfig's <c>metadata.name</c> (or <c>embedded-VENDOR</c>): names the PAM's section in
    /// plans and reports and <c>provider_name</c> in JSON.</summary>
    public required string Name { get; init; }

    /// <summary>For people: <c>fudo at https://pam.example.com/ (ProviderConfig prod)</c>.</summary>
    public required string Description { get; init; }

    public required IVendorConnection Connection { get; init; }

    /// <summary>The vendor's kinds (the planner's catalog for this PAM).</summary>
    public required IReadOnlyList<KindDescriptor> Kinds { get; init; }

    /// <summary>The declared objects this PAM manages: the whole truth for the objects they name.</summary>
    public IReadOnlyList<ManifestObject> Desired { get; init; } = [];

    /// <summary>Objects known to be gone (the operator's deleted custom resources).</summary>
    public IReadOnlyList<ManifestObject> Removed { get; init; } = [];

    public PlanOptions Options { get; init; } = PlanOptions.Default;

    /// <summary>Concurrent writes when the session has no transaction. Default 10.</summary>
    public int Parallelism { get; init; } = 10;

    /// <summary>What saved plans record; default the connection's <see cref="IVendorConnection.TargetIdentity"/>.</summary>
    public string? TargetIdentityOverride { get; init; }

    public string TargetIdentity => TargetIdentityOverride ?? Connection.TargetIdentity;
}
