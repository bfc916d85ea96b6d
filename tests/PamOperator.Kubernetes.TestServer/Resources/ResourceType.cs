namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>
/// One served resource (a group/version/plural). Objects are stored per <see cref="StorageKey"/> (group and plural),
/// so every served version of a CRD sees the same objects.
/// </summary>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    bool HasStatusSubresource,
    bool IsCustom,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<PrinterColumn> PrinterColumns)
{
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string StorageKey => $"{Group}/{Plural}";

    /// <summary>The name used in Status messages, e.g. <c>widgets.example.com</c>.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The CRD's <c>spec.names.categories</c> (e.g. <c>pam</c>, so <c>kubectl get pam</c> lists them all).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The served version's <c>openAPIV3Schema</c> (custom resources only), used for admission.</summary>
    public System.Text.Json.Nodes.JsonObject? Schema { get; init; }

    /// <summary>CRs and CRDs track metadata.generation; built-ins such as Secret and Lease leave it unset.</summary>
    public bool TracksGeneration => IsCustom || Plural == "customresourcedefinitions";
}
