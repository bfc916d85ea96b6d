using PamOperator.Manifests.Kinds;
using PamOperator.Vendors;

namespace PamOperator.Operator.Resources;

/// <summary>The kinds the operator serves: every registered vendor's, and ProviderConfig.</summary>
internal static class OperatorCatalog
{
    public static KindCatalog Kinds { get; } = new(BuiltInVendors.Registry);
}
