using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PamOperator.Manifests.Yaml;

/// <summary>
/// Writes JSON as block-style YAML the way kubectl prints it (lists at their key's indentation), deterministically:
/// plain scalars only where unambiguous, every other string double-quoted with JSON escapes (valid YAML).
/// </summary>
internal static partial class YamlEmitter
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Emit(JsonObject root)
    {
        var sb = new StringBuilder();
        Mapping(root, sb, 0, firstPrefix: null);
        return sb.ToString();
    }

    private static void Mapping(JsonObject map, StringBuilder sb, int indent, string? firstPrefix)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            sb.Append(first && firstPrefix is not null ? firstPrefix : new string(' ', indent));
            first = false;
            sb.Append(Scalar(key)).Append(':');
            Value(value, sb, indent);
        }
    }

    private static void Value(JsonNode? value, StringBuilder sb, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                sb.Append(" {}\n");
                break;
            case JsonArray { Count: 0 }:
                sb.Append(" []\n");
                break;
            case JsonObject child:
                sb.Append('\n');
                Mapping(child, sb, indent + 2, firstPrefix: null);
                break;
            case JsonArray list:
                sb.Append('\n');
                Sequence(list, sb, indent);
                break;
            default:
                sb.Append(' ').Append(ScalarValue(value)).Append('\n');
                break;
        }
    }

    private static void Sequence(JsonArray list, StringBuilder sb, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var item in list)
        {
            if (item is JsonObject { Count: > 0 } map)
            {
                Mapping(map, sb, indent + 2, firstPrefix: pad + "- ");
            }
            else
            {
                sb.Append(pad).Append('-');
                Value(item, sb, indent + 2);
            }
        }
    }

    private static string ScalarValue(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Scalar(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    /// <summary>A string as a plain scalar when YAML would read it back as the same string, else double-quoted.</summary>
    public static string Scalar(string text) =>
        PlainSafe().IsMatch(text) && !Reserved().IsMatch(text) ? text : JsonSerializer.Serialize(text, Quoting);

    [GeneratedRegex("^[A-Za-z_/][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex("^(true|false|null|yes|no|on|off|y|n)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
