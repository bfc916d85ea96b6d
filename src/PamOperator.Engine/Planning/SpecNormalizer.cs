using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Brings a desired or live spec to the form the diff compares: only the kind's declared fields (read-only attributes
/// dropped), no secrets, no empty objects or lists, and for the desired side the vendor defaults filled in for every
/// omitted field (the manifest is the whole truth). Returns new nodes; the inputs are not modified.
/// </summary>
internal static class SpecNormalizer
{
    /// <summary>Spec field that asks for secret rotation; never compared with the PAM (see <see cref="SecretRotation"/>).</summary>
    public const string RotateSecretAfter = "rotateSecretAfter";

    public static JsonObject Desired(IReadOnlyList<FieldDescriptor> fields, JsonObject? spec) => Normalize(fields, spec, applyDefaults: true);

    public static JsonObject Live(IReadOnlyList<FieldDescriptor> fields, JsonObject? spec) => Normalize(fields, spec, applyDefaults: false);

    private static JsonObject Normalize(IReadOnlyList<FieldDescriptor> fields, JsonObject? spec, bool applyDefaults)
    {
        var result = new JsonObject();
        foreach (var field in fields)
        {
            if (field.Type == FieldType.Secret || field.Name == RotateSecretAfter)
            {
                continue;
            }

            JsonNode? node = null;
            spec?.TryGetPropertyValue(field.Name, out node);
            var value = field.Type switch
            {
                FieldType.Object => NonEmpty(Normalize(field.Fields, node as JsonObject, applyDefaults)),
                FieldType.ObjectList => List(field, node as JsonArray, applyDefaults),
                _ => Copy(node) ?? (applyDefaults && (field.DefaultWhen?.IsMetBy(spec) ?? true) ? DefaultOf(field) : null),
            };
            if (value is not null)
            {
                result[field.Name] = value;
            }
        }

        return result;
    }

    private static JsonObject? NonEmpty(JsonObject o) => o.Count == 0 ? null : o;

    private static JsonArray? List(FieldDescriptor field, JsonArray? items, bool applyDefaults)
    {
        if (items is null || items.Count == 0)
        {
            return null;
        }

        var list = new JsonArray();
        foreach (var item in items)
        {
            list.Add(Normalize(field.Fields, item as JsonObject, applyDefaults));
        }

        return list;
    }

    /// <summary>A detached copy of a scalar: a fresh primitive for strings, booleans and integers (cheap, unlike
    /// cloning a value that still points into a parsed document), a deep clone otherwise.</summary>
    private static JsonNode? Copy(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return node?.DeepClone();
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(v.GetValue<string>()),
            JsonValueKind.True => JsonValue.Create(true),
            JsonValueKind.False => JsonValue.Create(false),
            JsonValueKind.Number when v.TryGetValue<long>(out var l) => JsonValue.Create(l),
            _ => v.DeepClone(),
        };
    }

    /// <summary>The descriptor's default as a JSON value; null when the API has none.</summary>
    public static JsonNode? DefaultOf(FieldDescriptor field) => field.Default switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create((long)i),
        string s => JsonValue.Create(s),
        var other => throw new InvalidOperationException(
            $"field {field.Name}: default of type {other.GetType().Name} is not bool, long or string (catalog bug)"),
    };
}
