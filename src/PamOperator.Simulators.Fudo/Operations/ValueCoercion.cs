using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>Checks one client value against its attribute and returns the stored form (ids become strings).</summary>
internal static class ValueCoercion
{
    public static ApiError? Coerce(AttributeSpec spec, JsonNode? value, TimeSpan offset, out JsonNode? stored)
    {
        stored = null;
        if (value is null)
        {
            return spec.Required ? Bad(spec, "must not be null") : null;
        }

        if (value is not JsonValue scalar)
        {
            return Bad(spec, $"must be a {Describe(spec.Kind)}");
        }

        var element = scalar.TryGetValue<JsonElement>(out var e) ? e : JsonSerializer.SerializeToElement(scalar);
        return spec.Kind switch
        {
            AttrKind.Boolean => element.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? Store(out stored, JsonValue.Create(element.GetBoolean()))
                : Bad(spec, "must be a boolean"),
            AttrKind.Number => element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var n)
                ? InRange(spec, n) ?? Store(out stored, JsonValue.Create(n))
                : Bad(spec, "must be an integer"),
            AttrKind.Id => IdText(element) is { } id ? Store(out stored, JsonValue.Create(id)) : Bad(spec, "must be an id"),
            AttrKind.String => element.ValueKind == JsonValueKind.String
                ? Text(spec, element.GetString()!, out stored)
                : Bad(spec, "must be a string"),
            AttrKind.Time => element.ValueKind == JsonValueKind.String && WireTime.IsTimeOfDay(element.GetString()!)
                ? Store(out stored, JsonValue.Create(element.GetString())!)
                : Bad(spec, "must be a time of day HH:MM:SS"),
            AttrKind.Datetime => element.ValueKind == JsonValueKind.String
                && WireTime.TryNormalizeDatetime(element.GetString()!, offset, out var when)
                ? Store(out stored, JsonValue.Create(when))
                : Bad(spec, "must be a timestamp, -infinity or infinity"),
            _ => Bad(spec, "cannot be written"),
        };
    }

    /// <summary>A decimal 64-bit id given as a string or as a JSON integer (the seed sends both).</summary>
    public static string? IdText(JsonElement element)
    {
        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
        return text is not null && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    private static ApiError? Text(AttributeSpec spec, string text, out JsonNode? stored)
    {
        stored = null;
        if (text.Length == 0 && !spec.MayBeEmpty)
        {
            return Bad(spec, "must not be empty");
        }

        if (spec.Enum is { } allowed)
        {
            var parts = spec.EnumSeparator is { } separator ? text.Split(separator) : [text];
            var comparison = spec.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var unknown = parts.FirstOrDefault(p => !allowed.Contains(p, comparison));
            if (unknown is not null)
            {
                return Bad(spec, $"'{unknown}' is not one of: {string.Join(", ", allowed)}");
            }

            text = spec.IgnoreCase ? text.ToLowerInvariant() : text;
        }

        stored = JsonValue.Create(text);
        return null;
    }

    private static ApiError? InRange(AttributeSpec spec, long n) =>
        (spec.Minimum is { } min && n < min) || (spec.Maximum is { } max && n > max)
            ? Bad(spec, $"must be between {spec.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-inf"} and {spec.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "inf"}")
            : null;

    private static ApiError? Store(out JsonNode? stored, JsonNode value)
    {
        stored = value;
        return null;
    }

    private static ApiError Bad(AttributeSpec spec, string problem) => ApiError.BadRequest($"{spec.Name}: {problem}");

    private static string Describe(AttrKind kind) => kind switch
    {
        AttrKind.Boolean => "boolean",
        AttrKind.Number => "integer",
        AttrKind.Id => "id",
        _ => "string",
    };
}
