using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Batch;

/// <summary>
/// Replaces <c>{varname}</c> (batch variables) and <c>{&lt;reqid&gt;.&lt;type&gt;.&lt;attr&gt;}</c> (a value from an earlier
/// request's answer; list items by index, <c>{r1.user.0.id}</c>) in endpoint strings, params and string values of
/// data. A brace expression naming neither a variable nor a request id is left as it is.
/// </summary>
internal sealed partial class BatchSubstitution(IReadOnlyDictionary<string, string> variables, IReadOnlySet<string> requestIds)
{
    private readonly Dictionary<string, JsonObject> _answers = new(StringComparer.Ordinal);

    public void Record(string id, JsonObject answer) => _answers[id] = answer;

    public ApiError? Apply(string text, out string result)
    {
        ApiError? error = null;
        result = Expression().Replace(text, match =>
        {
            var expression = match.Groups[1].Value;
            if (variables.TryGetValue(expression, out var value))
            {
                return value;
            }

            var parts = expression.Split('.');
            if (!requestIds.Contains(parts[0]))
            {
                return match.Value;
            }

            var resolved = _answers.TryGetValue(parts[0], out var answer) ? Walk(answer, parts.AsSpan(1)) : null;
            error ??= resolved is null ? ApiError.BadRequest($"batch: cannot resolve {{{expression}}}") : null;
            return resolved ?? match.Value;
        });
        return error;
    }

    /// <summary>Substitutes inside every string of a JSON tree (a copy is returned).</summary>
    public ApiError? Apply(JsonNode? node, out JsonNode? result)
    {
        var root = node?.DeepClone();
        var error = root is null ? null : Visit(root, replace => root = replace);
        result = root;
        return error;
    }

    private ApiError? Visit(JsonNode node, Action<JsonNode> replace)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    var error = o[key] is { } child ? Visit(child, n => o[key] = n) : null;
                    if (error is not null)
                    {
                        return error;
                    }
                }

                return null;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var index = i;
                    var error = a[i] is { } child ? Visit(child, n => a[index] = n) : null;
                    if (error is not null)
                    {
                        return error;
                    }
                }

                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var textError = Apply(v.GetValue<string>(), out var text);
                replace(JsonValue.Create(text));
                return textError;
            default:
                return null;
        }
    }

    private static string? Walk(JsonNode? node, ReadOnlySpan<string> path)
    {
        foreach (var part in path)
        {
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }

        return node switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
    }

    [GeneratedRegex(@"\{([a-zA-Z0-9:_\-.]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Expression();
}
