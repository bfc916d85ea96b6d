using PamOperator.Core.Schema;
using PamOperator.Manifests.Kinds.Fudo;

namespace PamOperator.Manifests.Kinds;

/// <summary>
/// Every manifest kind: the one source of truth from which JSON Schemas, CRDs, validation, the diff and the wire
/// mapping derive. Immutable; safe to share.
/// </summary>
public static class KindCatalog
{
    /// <summary>Vendor kinds, in dependency-friendly order (named objects before the assignments that reference them).</summary>
    public static IReadOnlyList<KindDescriptor> All { get; } =
    [
        SafeKind.Descriptor,
        AccountKind.Descriptor,
        UserSafeAssignmentKind.Descriptor,
        AccountSafeListenerAssignmentKind.Descriptor,
        SafeGrantKind.Descriptor,
        AccountGrantKind.Descriptor,
    ];

    /// <summary><c>pamoperator.io/v1alpha1 ProviderConfig</c> (cluster-scoped, no control fields).</summary>
    public static KindDescriptor ProviderConfig => ProviderConfigKind.Descriptor;

    /// <summary>Vendor kinds and ProviderConfig.</summary>
    public static IReadOnlyList<KindDescriptor> AllWithProviderConfig => [.. All, ProviderConfig];

    /// <summary>Distinct vendor kind names (<c>Safe</c>, <c>Account</c>, ...), as used by prune scopes.</summary>
    public static IReadOnlyList<string> VendorKindNames => [.. All.Select(k => k.Kind).Distinct(StringComparer.Ordinal)];

    /// <summary>The kind for <paramref name="apiVersion"/> and <paramref name="kind"/> (exact, case-sensitive as in
    /// Kubernetes), ProviderConfig included; null when unknown.</summary>
    public static KindDescriptor? Find(string apiVersion, string kind) =>
        AllWithProviderConfig.FirstOrDefault(k =>
            string.Equals(k.ApiVersion, apiVersion, StringComparison.Ordinal) && string.Equals(k.Kind, kind, StringComparison.Ordinal));

    /// <summary>The vendor kind whose objects have <paramref name="wireType"/> at <paramref name="vendor"/>; null when none.</summary>
    public static KindDescriptor? FindByWireType(string vendor, string wireType) =>
        All.FirstOrDefault(k =>
            string.Equals(k.Vendor, vendor, StringComparison.Ordinal) && string.Equals(k.WireType, wireType, StringComparison.Ordinal));
}
