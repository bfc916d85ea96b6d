namespace PamOperator.Core.Manifests;

/// <summary>The control fields every kind carries in its spec (<c>providerConfigRef</c>, <c>deletionPolicy</c>,
/// <c>managementPolicies</c>), already parsed and defaulted.</summary>
public sealed record ControlFields(
    string? ProviderConfigRef,
    DeletionPolicy DeletionPolicy = DeletionPolicy.Delete,
    ManagementPolicies ManagementPolicies = ManagementPolicies.All)
{
    public static ControlFields Default { get; } = new(ProviderConfigRef: null);
}
