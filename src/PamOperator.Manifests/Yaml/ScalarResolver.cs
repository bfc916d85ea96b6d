using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PamOperator.Manifests.Yaml;

/// <summary>
/// Types scalars by the YAML 1.2 core schema (what JSON and Kubernetes mean by the same text): <c>true</c>/<c>false</c>,
/// <c>null</c>/<c>~</c>/empty, integers, floats; everything else, and every quoted scalar, is a string. So
/// <c>09:00:00</c> and <c>yes</c> are strings (YAML 1.1 read them as a number and a boolean).
/// </summary>
internal static partial class ScalarResolver
{
    private const string StrTag = "tag:yaml.org,2002:str";
    private const string IntTag = "tag:yaml.org,2002:int";
    private const string BoolTag = "tag:yaml.org,2002:bool";
    private const string NullTag = "tag:yaml.org,2002:null";
    private const string FloatTag = "tag:yaml.org,2002:float";

    /// <summary>The JSON value of <paramref name="scalar"/>; false when its tag is not supported.</summary>
    public static bool TryResolve(ScalarNode scalar, out JsonNode? value)
    {
        value = null;
        switch (scalar.Tag)
        {
            case null when !scalar.IsPlain:
            case StrTag:
            case "!":
                value = JsonValue.Create(scalar.Value);
                return true;
            case null:
                value = Plain(scalar.Value);
                return true;
            case IntTag or FloatTag or BoolTag or NullTag:
                value = Plain(scalar.Value);
                return value is null ? scalar.Tag == NullTag : scalar.Tag != NullTag;
            default:
                return false;
        }
    }

    private static JsonNode? Plain(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (DecimalInteger().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? JsonValue.Create(l)
                : JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return JsonValue.Create(hex);
        }

        if (OctalInteger().IsMatch(text))
        {
            return JsonValue.Create(Convert.ToInt64(text[2..], 8));
        }

        return Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? JsonValue.Create(d)
            : JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0o[0-7]{1,21}$")]
    private static partial Regex OctalInteger();

    [GeneratedRegex("^[-+]?([.][0-9]+|[0-9]+([.][0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
