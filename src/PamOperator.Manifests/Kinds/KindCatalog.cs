using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;

namespace PamOperator.Manifests.Kinds;

/// <summary>
/// Every manifest kind of the registered vendors, and the ProviderConfig kind whose vendor list and per-vendor
/// sections come from the same registry: the one source of truth from which JSON Schemas, CRDs, validation, the diff
/// and the wire mapping derive. Immutable; safe to share.
/// </summary>
public sealed class KindCatalog
{
    public KindCatalog(VendorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        All = registry.Kinds;
        VendorKindNames = [.. All.Select(k => k.Kind).Distinct(StringComparer.Ordinal)];
        ProviderConfig = ProviderConfigKind.Build(registry, VendorKindNames);
        AllWithProviderConfig = [.. All, ProviderConfig];
    }

    /// <summary>The vendors the catalog was built from.</summary>
    public VendorRegistry Registry { get; }

    /// <summary>Vendor kinds, vendor by vendor in registration order, each vendor's named objects first.</summary>
    public IReadOnlyList<KindDescriptor> All { get; }

    /// <summary><c>pamoperator.io/v1alpha1 ProviderConfig</c> (cluster-scoped, no control fields).</summary>
    public KindDescriptor ProviderConfig { get; }

    /// <summary>Vendor kinds and ProviderConfig.</summary>
    public IReadOnlyList<KindDescriptor> AllWithProviderConfig { get; }

    /// <summary>Distinct vendor kind names (<c>Safe</c>, <c>Account</c>, ...), as used by prune scopes.</summary>
    public IReadOnlyList<string> VendorKindNames { get; }

    /// <summary>The kind for <paramref name="apiVersion"/> and <paramref name="kind"/> (exact, case-sensitive as in
    /// Kubernetes), ProviderConfig included; null when unknown.</summary>
    public KindDescriptor? Find(string apiVersion, string kind) =>
        AllWithProviderConfig.FirstOrDefault(k =>
            string.Equals(k.ApiVersion, apiVersion, StringComparison.Ordinal) && string.Equals(k.Kind, kind, StringComparison.Ordinal));
}
