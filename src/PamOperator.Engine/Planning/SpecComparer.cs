using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Planning;

/// <summary>
/// The no-op fast path of the diff: whether a desired spec as written (defaults applied on the fly) equals a normalized
/// live spec under the same rules as <see cref="FieldDiffer"/>, without building anything. Most objects of a large
/// steady-state plan take only this path.
/// </summary>
internal static class SpecComparer
{
    public static bool Equal(IReadOnlyList<FieldDescriptor> fields, JsonObject? desired, JsonObject? live)
    {
        foreach (var field in fields)
        {
            if (field.Type == FieldType.Secret || field.Name == SpecNormalizer.RotateSecretAfter)
            {
                continue;
            }

            JsonNode? want = null, have = null;
            desired?.TryGetPropertyValue(field.Name, out want);
            live?.TryGetPropertyValue(field.Name, out have);
            var same = field.Type switch
            {
                FieldType.Object => Equal(field.Fields, want as JsonObject, have as JsonObject),
                FieldType.ObjectList => ValueKeys.Equal(field, Normalized(field, want), have),
                _ when want is null => EqualsDefault(field, have),
                _ => ScalarEqual(field, want, have),
            };
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonNode? Normalized(FieldDescriptor field, JsonNode? list) =>
        list is JsonArray { Count: > 0 } ? SpecNormalizer.Desired([field], new JsonObject { [field.Name] = list.DeepClone() })[field.Name] : null;

    /// <summary>An omitted desired field against the live value: compared with the default without building a node.</summary>
    private static bool EqualsDefault(FieldDescriptor field, JsonNode? have)
    {
        if (field.Default is null || have is not JsonValue v)
        {
            return field.Default is null && have is null;
        }

        return field.Default switch
        {
            bool b => v.TryGetValue<bool>(out var x) && x == b,
            long l => v.TryGetValue<long>(out var x) && x == l,
            int i => v.TryGetValue<long>(out var x) && x == i,
            string s when v.GetValueKind() == JsonValueKind.String => string.Equals(
                v.GetValue<string>(), s, field.Type == FieldType.Reference ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal),
            _ => ValueKeys.Equal(field, SpecNormalizer.DefaultOf(field), have),
        };
    }

    private static bool ScalarEqual(FieldDescriptor field, JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is JsonValue x && b is JsonValue y)
        {
            switch (field.Type)
            {
                case FieldType.Integer when x.TryGetValue<long>(out var l1) && y.TryGetValue<long>(out var l2):
                    return l1 == l2;
                case FieldType.Boolean when x.TryGetValue<bool>(out var b1) && y.TryGetValue<bool>(out var b2):
                    return b1 == b2;
                case FieldType.String or FieldType.Enum or FieldType.Time
                    when x.GetValueKind() == JsonValueKind.String && y.GetValueKind() == JsonValueKind.String:
                    return string.Equals(x.GetValue<string>(), y.GetValue<string>(), StringComparison.Ordinal);
                default:
                    break;
            }
        }

        return ValueKeys.Equal(field, a, b);
    }
}
