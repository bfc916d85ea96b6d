namespace PamOperator.Operator.Resources;

/// <summary>Identifies one custom resource: its kind (plural.group), namespace (null when cluster-scoped) and name.</summary>
public sealed record ResourceKey(string Resource, string? Namespace, string Name)
{
    public override string ToString() => Namespace is null ? $"{Resource}/{Name}" : $"{Resource}/{Namespace}/{Name}";
}
