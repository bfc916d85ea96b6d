using System.Globalization;
using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, test, move, copy, on JSON pointers (RFC 6901).</summary>
internal static class JsonPatch
{
    /// <summary>Applies the operations in order to a copy; returns the result or an error message (the patch fails whole).</summary>
    public static (JsonNode? Result, string? Error) Apply(JsonNode target, JsonArray operations)
    {
        var doc = target.DeepClone();
        foreach (var op in operations.OfType<JsonObject>())
        {
            var name = op["op"]?.ToString();
            var path = op["path"]?.ToString() ?? string.Empty;
            var error = name switch
            {
                "add" => Add(doc, path, op["value"]?.DeepClone()),
                "remove" => Remove(doc, path, out _),
                "replace" => Remove(doc, path, out _) ?? Add(doc, path, op["value"]?.DeepClone()),
                "test" => JsonNode.DeepEquals(Resolve(doc, path), op["value"]) ? null : $"test failed at {path}",
                "move" => Remove(doc, op["from"]?.ToString() ?? string.Empty, out var moved) ?? Add(doc, path, moved),
                "copy" => Add(doc, path, Resolve(doc, op["from"]?.ToString() ?? string.Empty)?.DeepClone()),
                _ => $"unsupported operation \"{name}\"",
            };
            if (error is not null)
            {
                return (null, error);
            }
        }

        return (doc, null);
    }

    private static string? Add(JsonNode doc, string path, JsonNode? value)
    {
        var (parent, key) = Parent(doc, path);
        switch (parent)
        {
            case JsonObject o:
                o[key] = value;
                return null;
            case JsonArray a when key == "-":
                a.Add(value);
                return null;
            case JsonArray a when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                return null;
            default:
                return $"add: path {path} does not exist";
        }
    }

    private static string? Remove(JsonNode doc, string path, out JsonNode? removed)
    {
        removed = Resolve(doc, path);
        var (parent, key) = Parent(doc, path);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(key):
                removed = removed?.DeepClone();
                o.Remove(key);
                return null;
            case JsonArray a when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count:
                removed = removed?.DeepClone();
                a.RemoveAt(i);
                return null;
            default:
                return $"remove: path {path} does not exist";
        }
    }

    private static (JsonNode? Parent, string Key) Parent(JsonNode doc, string path)
    {
        var tokens = Tokens(path);
        return tokens.Count == 0 ? (null, string.Empty) : (Walk(doc, tokens[..^1]), tokens[^1]);
    }

    private static JsonNode? Resolve(JsonNode doc, string path) => Walk(doc, Tokens(path));

    private static JsonNode? Walk(JsonNode? node, IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            node = node switch
            {
                JsonObject o => o[token],
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    private static List<string> Tokens(string path) =>
        path.Length == 0
            ? []
            : path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
}
