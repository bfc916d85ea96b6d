using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>
/// The JSONPath subset printer columns use: <c>.a.b</c>, <c>[n]</c> and <c>[?(@.key=="value")]</c> filters.
/// Returns the first match, or null.
/// </summary>
internal static partial class JsonPathEvaluator
{
    public static JsonNode? First(JsonNode root, string path)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (Match step in Step().Matches(path))
        {
            current = step.Groups["field"].Success
                ? current.Select(n => (n as JsonObject)?[step.Groups["field"].Value])
                : step.Groups["index"].Success
                    ? current.Select(n => n is JsonArray a && int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < a.Count ? a[i] : null)
                    : current.SelectMany(n => n is JsonArray a ? a : []).Where(n =>
                        (n as JsonObject)?[step.Groups["key"].Value]?.ToString() == step.Groups["value"].Value);
            current = current.Where(n => n is not null).ToList();
        }

        return current.FirstOrDefault();
    }

    [GeneratedRegex("""\.(?<field>[A-Za-z0-9_\-]+)|\[(?<index>\d+)\]|\[\?\(@\.(?<key>[A-Za-z0-9_\-]+)\s*==\s*["'](?<value>[^"']*)["']\)\]""")]
    private static partial Regex Step();
}
