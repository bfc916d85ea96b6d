using System.Text.Json.Nodes;

namespace PamOperator.Manifests.Schemas;

/// <summary>Small builders of schema JSON shared by the spec, secret and CRD schemas.</summary>
internal static class SchemaNodes
{
    public static JsonObject NonEmptyString(string description) =>
        new() { ["type"] = "string", ["description"] = description, ["minLength"] = 1 };

    /// <summary>An object schema with <paramref name="properties"/> in order; strict in the validation flavor.</summary>
    public static JsonObject Object(
        SchemaFlavor flavor, string description, IEnumerable<(string Name, JsonObject Schema)> properties, IReadOnlyList<string> required)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        var result = new JsonObject { ["type"] = "object" };
        if (description.Length > 0)
        {
            result["description"] = description;
        }

        result["properties"] = props;
        if (required.Count > 0)
        {
            result["required"] = Strings(required);
        }

        if (flavor == SchemaFlavor.Validation)
        {
            result["additionalProperties"] = false;
        }

        return result;
    }

    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
}
