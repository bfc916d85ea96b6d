using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Manifests.Schemas;

/// <summary>Schemas of scalar fields and string lists, in either flavor.</summary>
internal static class ScalarSchemas
{
    public static JsonObject Scalar(FieldDescriptor field, SchemaFlavor flavor)
    {
        var schema = new JsonObject
        {
            ["type"] = field.Type switch
            {
                FieldType.Boolean => "boolean",
                FieldType.Integer => "integer",
                _ => "string",
            },
        };
        if (field.Description.Length > 0)
        {
            schema["description"] = field.Description;
        }

        if (flavor == SchemaFlavor.Crd && field.Type == FieldType.Integer)
        {
            schema["format"] = "int64";
        }

        if (field.Enum.Count > 0)
        {
            schema["enum"] = SchemaNodes.Strings(field.Enum);
            SetCelBound(schema, flavor, field.Enum.Max(e => e.Length));
        }

        if (field.Type == FieldType.Reference)
        {
            schema["minLength"] = 1;
        }

        if (field.Type == FieldType.Time)
        {
            SetCelBound(schema, flavor, 8);
        }

        if (field.Pattern is not null)
        {
            schema["pattern"] = field.Pattern;
        }

        SetNumber(schema, "minimum", field.Minimum);
        SetNumber(schema, "maximum", field.Maximum);
        if (flavor == SchemaFlavor.Crd && field.Default is not null && field.DefaultWhen is null)
        {
            schema["default"] = DefaultValue(field.Default);
        }

        return schema;
    }

    public static JsonObject StringList(FieldDescriptor field, SchemaFlavor flavor)
    {
        var item = new JsonObject { ["type"] = "string" };
        if (field.Enum.Count > 0)
        {
            item["enum"] = SchemaNodes.Strings(field.Enum);
            SetCelBound(item, flavor, field.Enum.Max(e => e.Length));
        }
        else if (field.Pattern is { } pattern)
        {
            item["pattern"] = pattern;
        }

        var schema = new JsonObject { ["type"] = "array", ["description"] = field.Description, ["items"] = item, ["minItems"] = 1 };
        if (field.MaxItems is { } max)
        {
            schema["maxItems"] = max;
        }

        schema[flavor == SchemaFlavor.Crd ? "x-kubernetes-list-type" : "uniqueItems"] =
            flavor == SchemaFlavor.Crd ? JsonValue.Create("set") : JsonValue.Create(true);
        return schema;
    }

    /// <summary>A descriptor default (bool, long or string) as JSON.</summary>
    public static JsonNode DefaultValue(object value) => value switch
    {
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create((long)i),
        string s => JsonValue.Create(s),
        _ => throw new InvalidOperationException($"default of type {value.GetType().Name} is not bool, long or string (catalog bug)"),
    };

    /// <summary>A maxLength implied by an enumeration or pattern, stated in the CRD only: Kubernetes needs it to bound
    /// the cost of CEL rules; for validation it would only repeat the enum or pattern error.</summary>
    private static void SetCelBound(JsonObject schema, SchemaFlavor flavor, int maxLength)
    {
        if (flavor == SchemaFlavor.Crd)
        {
            schema["maxLength"] = maxLength;
        }
    }

    private static void SetNumber(JsonObject schema, string name, long? value)
    {
        if (value is { } v)
        {
            schema[name] = v;
        }
    }
}
