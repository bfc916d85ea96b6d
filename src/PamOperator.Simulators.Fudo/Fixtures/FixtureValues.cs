using System.Globalization;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Storage;

namespace PamOperator.Simulators.Fudo.Fixtures;

/// <summary>Turns untyped YAML values into the JSON the API takes, by the attribute's type; resolves names to ids.</summary>
internal static class FixtureValues
{
    public static string? Put(ObjectStore store, ModelSchema schema, JsonObject body, string key, object? value)
    {
        if (value is Dictionary<object, object?> nested && schema.Groups.Contains(key))
        {
            foreach (var (innerKey, innerValue) in nested)
            {
                var name = innerKey.ToString()!;
                var problem = Put(store, schema, body, name.StartsWith(key + "_", StringComparison.Ordinal) ? name : $"{key}_{name}", innerValue);
                if (problem is not null)
                {
                    return problem;
                }
            }

            return null;
        }

        if (schema.Find(key) is null && schema.Find(key + "_id") is { References: { } referenced })
        {
            var target = value is string name ? store.FindByName(referenced, name) : null;
            if (target is null)
            {
                return $"{key}: no {referenced} named '{value}'";
            }

            body[key + "_id"] = target.IdText;
            return null;
        }

        var spec = schema.Find(key);
        if (spec is null)
        {
            // Unknown attributes reach the create path, which names them in its error.
            body[key] = value?.ToString();
            return null;
        }

        if (value is null)
        {
            body[key] = null;
            return null;
        }

        var text = value as string;
        JsonNode? node = spec.Kind switch
        {
            AttrKind.Boolean when bool.TryParse(text, out var b) => b,
            AttrKind.Number when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            AttrKind.Boolean or AttrKind.Number => null,
            _ => text,
        };
        if (node is null)
        {
            return $"{key}: '{value}' is not a {(spec.Kind == AttrKind.Boolean ? "boolean" : "number")}";
        }

        body[key] = node;
        return null;
    }
}
