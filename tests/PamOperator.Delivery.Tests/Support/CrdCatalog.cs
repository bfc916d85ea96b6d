namespace PamOperator.Delivery.Tests.Support;

/// <summary>The repository's CRDs (crds/*.yaml, the source of truth that `pamctl crds` generates).</summary>
public static class CrdCatalog
{
    public static IReadOnlyList<string> Files { get; } =
        Directory.GetFiles(Repo.Path("crds"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Each CRD parsed, keyed by its metadata.name (plural.group).</summary>
    public static IReadOnlyDictionary<string, object?> ByName { get; } = Files
        .Select(f => Yaml.Documents(Repo.Read("crds", f)).Single())
        .ToDictionary(Node.Name);

    /// <summary>(group, plural) of every custom resource.</summary>
    public static IReadOnlyList<(string Group, string Plural)> Resources { get; } = ByName.Values
        .Select(d => (Node.Text(d, "spec.group"), Node.Text(d, "spec.names.plural")))
        .ToList();
}
