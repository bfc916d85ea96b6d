using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary><c>GET /objspec/&lt;type&gt;</c>: attribute metadata; every flag is written, optional facts only when known.</summary>
internal static class ObjspecRenderer
{
    public static JsonObject Render(ModelSchema schema)
    {
        var result = new JsonObject();
        foreach (var spec in schema.Attributes)
        {
            var entry = new JsonObject { ["type"] = KindName(spec.Kind) };
            Flag(entry, "readonly", spec.IsReadOnly);
            Flag(entry, "required", spec.Required);
            Flag(entry, "unique", spec.Unique || (schema.KeyAttributes.Contains(spec.Name) && schema.KeyAttributes.Count > 0));
            Flag(entry, "ignore_case", spec.IgnoreCase);
            Flag(entry, "immutable", spec.Immutable);
            Flag(entry, "expensive", spec.Expensive);
            Flag(entry, "protected", spec.Protected);
            Flag(entry, "hidden", spec.Hidden);
            if (spec.Enum is { } values)
            {
                entry["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            }

            if (spec.EnumSeparator is { } separator)
            {
                entry["separator"] = separator.ToString();
            }

            if (spec.Default is { } value)
            {
                entry["default"] = JsonValues.From(value);
            }

            Optional(entry, "minimum", spec.Minimum);
            Optional(entry, "maximum", spec.Maximum);
            Optional(entry, "reference", spec.References);
            Optional(entry, "required_if", spec.Condition);
            if (schema.KeyAttributes.Contains(spec.Name))
            {
                entry["unique_with"] = new JsonArray(schema.KeyAttributes.Where(k => k != spec.Name)
                    .Select(k => (JsonNode?)JsonValue.Create(k)).ToArray());
            }

            result[spec.Name] = entry;
        }

        return result;
    }

    private static void Flag(JsonObject entry, string name, bool value)
    {
        entry[name] = value;
    }

    private static void Optional(JsonObject entry, string name, object? value)
    {
        if (value is not null)
        {
            entry[name] = JsonValues.From(value);
        }
    }

    private static string KindName(AttrKind kind) => kind switch
    {
        AttrKind.Boolean => "boolean",
        AttrKind.Number => "number",
        AttrKind.Datetime => "datetime",
        AttrKind.Time => "time",
        AttrKind.StringArray => "string-array",
        AttrKind.ObjectArray => "object-array",
        _ => "string",
    };
}
