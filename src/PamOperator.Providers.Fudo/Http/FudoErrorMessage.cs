using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>
/// The human part of a Fudo error body (<c>{"result":"error","message":...}</c>; the exact layout is undocumented, so
/// a few likely member names are tried). Truncated, so a huge or hostile body cannot flood a diagnostic.
/// </summary>
internal static class FudoErrorMessage
{
    private const int MaxLength = 300;

    public static string From(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        try
        {
            if (JsonNode.Parse(body) is JsonObject o)
            {
                foreach (var name in new[] { "message", "error", "errors", "detail" })
                {
                    if (o[name] is { } node)
                    {
                        return Truncate(node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString());
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): report nothing rather than markup.
        }

        return "";
    }

    private static string Truncate(string s) => s.Length <= MaxLength ? s : s[..MaxLength] + "...";
}
