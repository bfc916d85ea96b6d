using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Engine.Views;

/// <summary>How views print values: compact JSON (strings quoted), <c>null</c> for unset, readable Unicode.</summary>
internal static class ValueText
{
    public const string Sensitive = "(sensitive value)";

    public const string SensitiveRotated = "(sensitive value will be rotated)";

    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Indented { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        IndentSize = 2,
    };

    public static string Of(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>Leaves of an object as (dotted path, value); objects are flattened, arrays kept whole.</summary>
    public static IEnumerable<(string Path, JsonNode? Value)> Flatten(JsonObject? obj, string prefix = "")
    {
        if (obj is null)
        {
            yield break;
        }

        foreach (var (name, value) in obj)
        {
            if (value is JsonObject nested)
            {
                foreach (var leaf in Flatten(nested, prefix + name + "."))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (prefix + name, value);
            }
        }
    }

    /// <summary>A deep copy of <paramref name="obj"/> without the members at <paramref name="paths"/> (secret fields):
    /// views drop them even though the model never holds their values.</summary>
    public static JsonObject? Without(JsonObject? obj, IEnumerable<string> paths)
    {
        if (obj is null)
        {
            return null;
        }

        var copy = (JsonObject)obj.DeepClone();
        foreach (var path in paths)
        {
            var parts = path.Split('.');
            var parent = copy;
            for (var i = 0; i < parts.Length - 1 && parent is not null; i++)
            {
                parent = parent[parts[i]] as JsonObject;
            }

            parent?.Remove(parts[^1]);
        }

        return copy;
    }
}
