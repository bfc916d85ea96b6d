using PamOperator.Manifests.Kinds;
using PamOperator.Vendors;

namespace PamOperator.Manifests.Tests.TestSupport;

/// <summary>The catalog of the built-in vendors, as pamctl builds it.</summary>
public static class Catalogs
{
    public static KindCatalog Default { get; } = new(BuiltInVendors.Registry);
}
