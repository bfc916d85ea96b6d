namespace PamOperator.Kubernetes;

/// <summary>Which resource a call addresses: group ("" for core), version, plural, and whether it is namespaced.</summary>
public sealed record ResourceRef(string Group, string Version, string Plural, bool Namespaced)
{
    public static ResourceRef Leases { get; } = new("coordination.k8s.io", "v1", "leases", true);

    public static ResourceRef Secrets { get; } = new(string.Empty, "v1", "secrets", true);

    public static ResourceRef Events { get; } = new(string.Empty, "v1", "events", true);

    public static ResourceRef Namespaces { get; } = new(string.Empty, "v1", "namespaces", false);

    public static ResourceRef CustomResourceDefinitions { get; } = new("apiextensions.k8s.io", "v1", "customresourcedefinitions", false);

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The collection path, e.g. <c>/apis/g/v/namespaces/ns/plural</c>; <paramref name="ns"/> null = all namespaces.</summary>
    public string CollectionPath(string? ns)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && ns is not null ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}" : $"{root}/{Plural}";
    }

    public string ObjectPath(string? ns, string name) => $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";
}
