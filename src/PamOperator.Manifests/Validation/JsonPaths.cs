using System.Text.Json.Nodes;

namespace PamOperator.Manifests.Validation;

/// <summary>Dotted paths with list indexes (<c>spec.timePolicy[0].validFrom</c>), as used by FieldLocations.</summary>
internal static class JsonPaths
{
    public static string Join(string parent, string child) =>
        parent.Length == 0 ? child : child.Length == 0 ? parent : $"{parent}.{child}";

    /// <summary>The parent path; the empty string for a top-level path.</summary>
    public static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    /// <summary>The path's segments without list indexes: <c>timePolicy[0].validFrom</c> gives timePolicy, validFrom.</summary>
    public static IReadOnlyList<string> Names(string path) =>
        [.. path.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('[')[0]).Where(s => s.Length > 0)];

    /// <summary>The node at <paramref name="path"/> under <paramref name="root"/>, or null.</summary>
    public static JsonNode? Get(JsonNode? root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = segment.Split('[');
            node = parts[0].Length == 0 ? node : (node as JsonObject)?[parts[0]];
            foreach (var index in parts.Skip(1))
            {
                node = node is JsonArray array && int.TryParse(index.TrimEnd(']'), out var i) && i < array.Count ? array[i] : null;
            }
        }

        return node;
    }
}
