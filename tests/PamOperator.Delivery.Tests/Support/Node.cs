namespace PamOperator.Delivery.Tests.Support;

/// <summary>Navigation in parsed YAML (<see cref="Yaml"/>): dotted paths through mappings, with a clear failure.</summary>
public static class Node
{
    public static object? At(object? node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            node = node is Dictionary<string, object?> map && map.TryGetValue(key, out var child)
                ? child
                : throw new KeyNotFoundException($"no '{key}' on the way to '{path}'");
        }

        return node;
    }

    public static Dictionary<string, object?> Map(object? node, string path) => (Dictionary<string, object?>)At(node, path)!;

    public static List<object?> List(object? node, string path) => (List<object?>)At(node, path)!;

    public static string Text(object? node, string path) => At(node, path)?.ToString() ?? string.Empty;

    public static string Kind(object? document) => Text(document, "kind");

    public static string Name(object? document) => Text(document, "metadata.name");

    public static object? OfKind(IEnumerable<object?> documents, string kind) => documents.Single(d => Kind(d) == kind);
}
