using System.Text.Json.Nodes;

namespace PamOperator.Core.Schema;

/// <summary>
/// The identity that pairs a declared object with a live one. Named kinds: the PAM name. Unnamed kinds (assignments,
/// grants): <c>field=value</c> pairs of <see cref="KindDescriptor.KeyFields"/> joined by commas, e.g.
/// <c>user=alice,safe=prod-db</c>; an absent optional key field reads as empty. PAM names are unique
/// case-insensitively, so keys are compared with <see cref="Comparer"/>.
/// </summary>
public static class NaturalKey
{
    public static StringComparer Comparer { get; } = StringComparer.OrdinalIgnoreCase;

    public static string Of(KindDescriptor kind, string pamName, JsonObject spec)
    {
        if (kind.IsNamed)
        {
            return pamName;
        }

        return string.Join(',', kind.KeyFields.Select(f => $"{f}={ValueOf(spec, f)}"));
    }

    private static string ValueOf(JsonObject spec, string field) =>
        spec.TryGetPropertyValue(field, out var node) && node is JsonValue value && value.TryGetValue<string>(out var s)
            ? s
            : "";
}
