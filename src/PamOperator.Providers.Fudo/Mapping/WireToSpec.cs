using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>
/// Translates a Fudo wire object into manifest vocabulary, driven only by the kind's descriptors: flat protocol
/// attributes (<c>ssh_x11</c>) become nested members (<c>ssh.x11</c>), reference ids become PAM names, secrets are
/// dropped, attributes the descriptors do not name are ignored. Fields with no wire name are the provider's own
/// business (<see cref="TimePolicyMapping"/>). Null and absent attributes are left out.
/// </summary>
internal static class WireToSpec
{
    public static JsonObject Map(KindDescriptor kind, JsonObject wire, IdNameIndex names) => Map(kind, new JsonWireRow(wire), names);

    /// <summary>The spec of one parsed wire row.</summary>
    public static JsonObject Map(KindDescriptor kind, IWireRow wire, IdNameIndex names)
    {
        var spec = new JsonObject();
        MapFields(kind.Fields, wire, names, spec);
        return spec;
    }

    /// <summary>All wire attribute names the descriptors mention (for <c>fields=</c>).</summary>
    public static IEnumerable<string> WireNames(IEnumerable<FieldDescriptor> fields) => WireFields(fields).Select(f => f.WireName!);

    /// <summary>The descriptors of every wire attribute read back (no secrets, no object lists), nested ones included.</summary>
    public static IEnumerable<FieldDescriptor> WireFields(IEnumerable<FieldDescriptor> fields)
    {
        foreach (var field in fields)
        {
            if (field.Type is FieldType.Secret or FieldType.ObjectList)
            {
                // Secrets are never read; list items live in rows of their own (time policies).
                continue;
            }

            if (field.WireName is not null)
            {
                yield return field;
            }

            foreach (var nested in WireFields(field.Fields))
            {
                yield return nested;
            }
        }
    }

    private static void MapFields(IReadOnlyList<FieldDescriptor> fields, IWireRow wire, IdNameIndex names, JsonObject target)
    {
        foreach (var field in fields)
        {
            if (field.Type == FieldType.Object)
            {
                var nested = new JsonObject();
                MapFields(field.Fields, wire, names, nested);
                if (nested.Count > 0)
                {
                    target[field.Name] = nested;
                }

                continue;
            }

            if (field.WireName is null || field.Type == FieldType.Secret || field.Type == FieldType.ObjectList)
            {
                continue;
            }

            if (wire.TryGet(field.WireName, out var value) && !value.IsNull && Convert(field, value, names) is { } converted)
            {
                target[field.Name] = converted;
            }
        }
    }

    private static JsonNode? Convert(FieldDescriptor field, WireValue value, IdNameIndex names)
    {
        var text = value.Text ?? "";
        return field.Type switch
        {
            FieldType.Boolean when value.Kind is JsonValueKind.True or JsonValueKind.False => JsonValue.Create(value.Kind == JsonValueKind.True),
            FieldType.Boolean when value.Kind == JsonValueKind.String && bool.TryParse(text, out var b) => JsonValue.Create(b),
            FieldType.Integer when value.Kind is JsonValueKind.Number or JsonValueKind.String
                && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            FieldType.Reference when field.References is { } type => JsonValue.Create(names.NameOf(type, text)),
            FieldType.DateTime => JsonValue.Create(FudoTimestamp.ToRfc3339(text)),
            FieldType.String or FieldType.Enum or FieldType.Time => JsonValue.Create(text),
            _ => null,
        };
    }
}
