using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>
/// Turns a POST or PATCH body into checked attribute values. Accepts the flat wire form (<c>ssh_x11</c>) and the nested
/// protocol groups (<c>"ssh": {"x11": false}</c> or <c>{"ssh_x11": false}</c>). Unknown attributes, wrong types and values
/// outside enums or ranges are 400; read-only ones are 400 or dropped per <see cref="FudoCompatibility.ReadOnlyAttributes"/>.
/// </summary>
internal static class InputParser
{
    public static ApiError? Parse(ModelSchema schema, JsonObject body, FudoCompatibility compatibility, out ParsedInput input)
    {
        input = new ParsedInput();
        var entries = Flatten(schema, body, out var groupError);
        if (groupError is not null)
        {
            return groupError;
        }

        foreach (var (key, value) in entries)
        {
            var error = ParseOne(schema, key, value, compatibility, input);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static ApiError? ParseOne(ModelSchema schema, string key, JsonNode? value, FudoCompatibility compatibility, ParsedInput input)
    {
        var spec = schema.Find(key);
        if (spec is null)
        {
            return ApiError.BadRequest($"unknown attribute '{key}' for {schema.Type}");
        }

        if (spec.IsReadOnly)
        {
            return compatibility.ReadOnlyAttributes == ReadOnlyAttributeHandling.Reject
                ? ApiError.BadRequest($"attribute '{key}' is read-only")
                : null;
        }

        if (input.Values.ContainsKey(key) || input.Secrets.ContainsKey(key))
        {
            return ApiError.BadRequest($"attribute '{key}' is given twice");
        }

        var error = ValueCoercion.Coerce(spec, value, compatibility.TimestampOffset, out var stored);
        if (error is not null)
        {
            // The message names the attribute and the expected type only, never the value (it may be a secret).
            return error;
        }

        if (spec.Protected)
        {
            input.Secrets[key] = stored?.GetValue<string>() ?? "";
        }
        else
        {
            input.Values[key] = stored;
        }

        return null;
    }

    /// <summary>Body entries with nested protocol groups expanded to their flat names.</summary>
    private static List<KeyValuePair<string, JsonNode?>> Flatten(ModelSchema schema, JsonObject body, out ApiError? error)
    {
        error = null;
        var groups = schema.Groups.ToHashSet(StringComparer.Ordinal);
        var entries = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var (key, value) in body)
        {
            if (!groups.Contains(key))
            {
                entries.Add(new(key, value));
            }
            else if (value is JsonObject nested)
            {
                entries.AddRange(nested.Select(inner => new KeyValuePair<string, JsonNode?>(
                    inner.Key.StartsWith(key + "_", StringComparison.Ordinal) ? inner.Key : $"{key}_{inner.Key}", inner.Value)));
            }
            else
            {
                error = ApiError.BadRequest($"'{key}' must be an object of {key}_* attributes");
            }
        }

        return entries;
    }
}
