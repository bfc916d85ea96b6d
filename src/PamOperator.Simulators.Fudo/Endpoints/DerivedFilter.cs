using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>Which operators fit which attribute types, and in-memory matching for derived attributes.</summary>
internal static class DerivedFilter
{
    public static ApiError? CheckOperator(FilterCondition condition, AttributeSpec spec)
    {
        var isArray = spec.Kind is AttrKind.StringArray or AttrKind.ObjectArray;
        var isText = spec.Kind is AttrKind.String or AttrKind.Id or AttrKind.Time or AttrKind.Datetime;
        var ok = condition.Op switch
        {
            FilterCondition.Contains => isArray,
            FilterCondition.Match or FilterCondition.Iin => isText,
            _ => !isArray,
        };
        if (!ok)
        {
            return ApiError.BadRequest($"filter: {condition.Op} does not apply to {spec.Name}");
        }

        return condition.Op is FilterCondition.Eq or FilterCondition.Match && condition.Values.Count != 1
            ? ApiError.BadRequest($"filter: {condition.Op} takes exactly one value")
            : null;
    }

    public static bool Matches(FilterCondition condition, JsonNode? value)
    {
        if (condition.Op == FilterCondition.Contains)
        {
            return value is JsonArray array && array.Any(item => condition.Values.Contains(Text(item is JsonObject o ? o["id"] : item)));
        }

        var text = Text(value);
        return text is not null && condition.Op switch
        {
            FilterCondition.Match => text.Contains(condition.Values[0], StringComparison.Ordinal),
            FilterCondition.Iin => condition.Values.Any(v => v.Equals(text, StringComparison.OrdinalIgnoreCase)),
            _ => condition.Values.Contains(text),
        };
    }

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        }
        : null;
}
