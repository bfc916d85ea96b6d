using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Comparison keys that encode the diff rules per field type: two values are equal when their keys are. References
/// compare case-insensitively (PAM names are unique case-insensitively), integers and booleans by value, date-times
/// as instants, object-list items member-wise, lists as multisets (order-insensitive).
/// </summary>
internal static class ValueKeys
{
    public static bool Equal(FieldDescriptor field, JsonNode? a, JsonNode? b) =>
        string.Equals(Key(field, a), Key(field, b), StringComparison.Ordinal);

    public static string Key(FieldDescriptor field, JsonNode? node) => field.Type switch
    {
        _ when node is null => "\u0000null",
        FieldType.Object => ObjectKey(field.Fields, node as JsonObject),
        FieldType.ObjectList => ListKey(field, node as JsonArray),
        FieldType.Reference => Text(node).ToUpperInvariant(),
        FieldType.Integer when node is JsonValue v && v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        FieldType.Integer when node is JsonValue v && v.TryGetValue<double>(out var d) && d == Math.Floor(d) =>
            ((long)d).ToString(CultureInfo.InvariantCulture),
        FieldType.Boolean when node is JsonValue v && v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        FieldType.DateTime when DateTimeOffset.TryParse(Text(node), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) =>
            t.UtcTicks.ToString(CultureInfo.InvariantCulture),
        _ => Text(node),
    };

    private static string Text(JsonNode node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();

    private static string ObjectKey(IReadOnlyList<FieldDescriptor> fields, JsonObject? obj)
    {
        var sb = new StringBuilder("{");
        foreach (var member in fields)
        {
            JsonNode? value = null;
            obj?.TryGetPropertyValue(member.Name, out value);
            sb.Append(member.Name).Append('=').Append(Escape(Key(member, value))).Append(';');
        }

        return sb.Append('}').ToString();
    }

    private static string ListKey(FieldDescriptor field, JsonArray? items)
    {
        if (items is null || items.Count == 0)
        {
            return "\u0000null";
        }

        var keys = items.Select(i => ObjectKey(field.Fields, i as JsonObject)).Order(StringComparer.Ordinal);
        return "[" + string.Join(",", keys) + "]";
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal);
}
