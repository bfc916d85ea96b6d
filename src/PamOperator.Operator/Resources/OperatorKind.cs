using PamOperator.Core.Schema;
using PamOperator.Kubernetes;

namespace PamOperator.Operator.Resources;

/// <summary>A kind the operator watches: its descriptor and the API resource that serves it.</summary>
internal sealed record OperatorKind(KindDescriptor Descriptor, ResourceRef Resource)
{
    public string Id => $"{Resource.Plural}.{Resource.Group}";

    public bool IsProviderConfig => ReferenceEquals(Descriptor, OperatorCatalog.Kinds.ProviderConfig);

    public static IReadOnlyList<OperatorKind> All { get; } =
        [.. OperatorCatalog.Kinds.AllWithProviderConfig.Select(k => new OperatorKind(k, new ResourceRef(k.Group, k.Version, k.Plural, k.Namespaced)))];

    public static OperatorKind ProviderConfig { get; } = All.Single(k => k.IsProviderConfig);

    public static OperatorKind? Find(string id) => All.FirstOrDefault(k => k.Id == id);
}
