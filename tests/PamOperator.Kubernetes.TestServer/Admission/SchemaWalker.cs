using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PamOperator.Kubernetes.TestServer.Admission;

/// <summary>
/// A CRD's structural <c>openAPIV3Schema</c> applied as kube-apiserver applies it, in its order: prune fields the
/// schema does not declare (and nulls it does not allow), apply <c>default</c>s, then validate (type, enum, string
/// length and pattern, date-time format, numeric bounds, required, item counts, set and map list uniqueness) with
/// kube-openapi's wording. <c>metadata</c>, <c>apiVersion</c> and <c>kind</c> at the root are left to the server.
/// </summary>
internal static class SchemaWalker
{
    private static readonly string[] RootManaged = ["apiVersion", "kind", "metadata"];

    /// <summary>Removes undeclared fields; returns their paths (for <c>fieldValidation=Strict</c> and warnings).</summary>
    public static List<string> Prune(JsonObject obj, JsonObject schema)
    {
        var unknown = new List<string>();
        PruneObject(obj, schema, string.Empty, unknown, isRoot: true);
        return unknown;
    }

    public static void Default(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj:
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, child) in properties)
                    {
                        if (child is JsonObject childSchema && !obj.ContainsKey(name) && childSchema["default"] is { } value)
                        {
                            obj[name] = value.DeepClone();
                        }
                    }

                    foreach (var (name, value) in obj.ToList())
                    {
                        if (properties[name] is JsonObject childSchema)
                        {
                            Default(value, childSchema);
                        }
                    }
                }
                else if (schema["additionalProperties"] is JsonObject valueSchema)
                {
                    foreach (var (_, value) in obj.ToList())
                    {
                        Default(value, valueSchema);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                foreach (var item in array)
                {
                    Default(item, itemSchema);
                }

                break;
        }
    }

    /// <summary>Validates <paramref name="node"/> at <paramref name="path"/>; false when its type is wrong (nothing below is checked).</summary>
    public static bool Validate(JsonNode? node, JsonObject schema, string path, List<FieldError> errors)
    {
        var type = schema["type"]?.ToString();
        var actual = TypeName(node);
        if (IsTrue(schema, "x-kubernetes-int-or-string"))
        {
            if (actual is not ("integer" or "string"))
            {
                errors.Add(FieldError.TypeInvalid(path, FieldError.Quote(actual), $"{path} in body must be of type integer-or-string: {FieldError.Quote(actual)}"));
                return false;
            }
        }
        else if (type is not null && !(type == actual || (type == "number" && actual == "integer")))
        {
            errors.Add(FieldError.TypeInvalid(path, FieldError.Quote(actual), $"{path} in body must be of type {type}: {FieldError.Quote(actual)}"));
            return false;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            errors.Add(FieldError.NotSupported(path, FieldError.Show(node), allowed.Select(FieldError.Show)));
        }

        switch (node)
        {
            case JsonValue value when value.TryGetValue(out string? text):
                ValidateString(text, schema, path, errors);
                break;
            case JsonValue value when actual is "integer" or "number":
                ValidateNumber(value, schema, path, errors);
                break;
            case JsonObject obj:
                ValidateObject(obj, schema, path, errors);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, errors);
                break;
        }

        return true;
    }

    /// <summary>The schema of a child: a declared property, or additionalProperties' schema.</summary>
    public static JsonObject? PropertySchema(JsonObject schema, string name) =>
        schema["properties"]?[name] as JsonObject ?? schema["additionalProperties"] as JsonObject;

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string TypeName(JsonNode? node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue(out string? _) => "string",
        JsonValue v when v.TryGetValue(out bool _) => "boolean",
        JsonValue v when v.TryGetValue(out long _) => "integer",
        JsonValue v when v.TryGetValue(out double d) => d == Math.Floor(d) && !v.ToJsonString().Contains('.', StringComparison.Ordinal) ? "integer" : "number",
        null => "null",
        _ => "unknown",
    };

    private static void PruneObject(JsonObject obj, JsonObject schema, string path, List<string> unknown, bool isRoot)
    {
        if (IsTrue(schema, "x-kubernetes-preserve-unknown-fields"))
        {
            return;
        }

        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        foreach (var (name, value) in obj.ToList())
        {
            if (isRoot && RootManaged.Contains(name))
            {
                continue;
            }

            var childSchema = properties?[name] as JsonObject ?? additional;
            if (childSchema is null)
            {
                unknown.Add(Join(path, name));
                obj.Remove(name);
                continue;
            }

            if (value is null && !IsTrue(childSchema, "nullable"))
            {
                obj.Remove(name);
                continue;
            }

            PruneNode(value, childSchema, Join(path, name), unknown);
        }
    }

    private static void PruneNode(JsonNode? node, JsonObject schema, string path, List<string> unknown)
    {
        switch (node)
        {
            case JsonObject obj:
                PruneObject(obj, schema, path, unknown, isRoot: false);
                break;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(array[i], itemSchema, $"{path}[{i}]", unknown);
                }

                break;
        }
    }

    private static void ValidateString(string text, JsonObject schema, string path, List<FieldError> errors)
    {
        if (Number(schema, "maxLength") is { } max && text.Length > max)
        {
            errors.Add(FieldError.TooLong(path, (long)max));
        }

        if (Number(schema, "minLength") is { } min && text.Length < min)
        {
            errors.Add(FieldError.Invalid(path, FieldError.Quote(text), $"{path} in body should be at least {min} chars long"));
        }

        if (schema["pattern"]?.ToString() is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add(FieldError.Invalid(path, FieldError.Quote(text), $"{path} in body should match '{pattern}'"));
        }

        if (schema["format"]?.ToString() == "date-time"
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            errors.Add(FieldError.Invalid(path, FieldError.Quote(text), $"{path} in body must be of type date-time: {FieldError.Quote(text)}"));
        }
    }

    private static void ValidateNumber(JsonValue value, JsonObject schema, string path, List<FieldError> errors)
    {
        var number = double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
        if (Number(schema, "minimum") is { } min && number < min)
        {
            errors.Add(FieldError.Invalid(path, value.ToJsonString(), $"{path} in body should be greater than or equal to {FieldError.Number(min)}"));
        }

        if (Number(schema, "maximum") is { } max && number > max)
        {
            errors.Add(FieldError.Invalid(path, value.ToJsonString(), $"{path} in body should be less than or equal to {FieldError.Number(max)}"));
        }
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<FieldError> errors)
    {
        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.ToString()))
        {
            if (obj[required] is null)
            {
                errors.Add(FieldError.Required(Join(path, required)));
            }
        }

        foreach (var (name, value) in obj)
        {
            if (path.Length == 0 && RootManaged.Contains(name))
            {
                continue;
            }

            if (PropertySchema(schema, name) is { } childSchema && value is not null)
            {
                Validate(value, childSchema, Join(path, name), errors);
            }
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        if (Number(schema, "maxItems") is { } max && array.Count > max)
        {
            errors.Add(FieldError.TooMany(path, array.Count, (long)max));
        }

        if (Number(schema, "minItems") is { } min && array.Count < min)
        {
            errors.Add(FieldError.Invalid(path, FieldError.Show(array), $"{path} in body should have at least {min} items"));
        }

        var listType = schema["x-kubernetes-list-type"]?.ToString();
        var keys = (schema["x-kubernetes-list-map-keys"] as JsonArray ?? []).Select(k => k!.ToString()).ToList();
        var seen = new List<JsonNode?>();
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            JsonNode? identity = listType switch
            {
                "set" => item,
                "map" when item is JsonObject entry => new JsonObject(keys.Where(entry.ContainsKey).Select(k => KeyValuePair.Create(k, entry[k]?.DeepClone()))),
                _ => null,
            };
            if (identity is not null)
            {
                if (seen.Any(s => JsonNode.DeepEquals(s, identity)))
                {
                    errors.Add(FieldError.Duplicate($"{path}[{i}]", FieldError.Show(identity)));
                }

                seen.Add(identity);
            }

            if (schema["items"] is JsonObject itemSchema && item is not null)
            {
                Validate(item, itemSchema, $"{path}[{i}]", errors);
            }
        }
    }

    private static double? Number(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue v && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static bool IsTrue(JsonObject schema, string keyword) => schema[keyword] is JsonValue v && v.TryGetValue(out bool b) && b;
}
