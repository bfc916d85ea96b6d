using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PamOperator.Core.Schema;
using PamOperator.Manifests.Schemas;

namespace PamOperator.Manifests.Validation;

/// <summary>
/// Validates a spec against its kind's JSON Schema (built from the descriptor, compiled once per kind) with
/// JsonSchema.Net on System.Text.Json, and turns its flat list of failed keywords into (path, kind) errors.
/// </summary>
internal static class SchemaValidator
{
    private static readonly ConcurrentDictionary<string, Lazy<CompiledSchema>> Schemas = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    public static Task<IReadOnlyList<SchemaError>> ValidateAsync(KindDescriptor kind, JsonObject spec)
    {
        var schema = Schemas.GetOrAdd(
            $"{kind.ApiVersion}/{kind.Kind}",
            _ => new Lazy<CompiledSchema>(() => Compile(SpecSchemaBuilder.Build(kind, SchemaFlavor.Validation)))).Value;
        return Task.FromResult(Validate(schema, spec));
    }

    /// <summary>Compiles a schema document (no <c>$ref</c> beyond the document itself).</summary>
    public static CompiledSchema Compile(JsonObject schema) => new(JsonSchema.FromText(schema.ToJsonString()), schema.DeepClone().AsObject());

    /// <summary>Validates <paramref name="document"/> against a compiled schema, in the order the keywords failed.</summary>
    public static IReadOnlyList<SchemaError> Validate(CompiledSchema schema, JsonNode document)
    {
        var instance = JsonSerializer.SerializeToElement(document);
        var results = schema.Schema.Evaluate(instance, Options);
        var errors = new List<SchemaError>();
        foreach (var detail in (results.Details ?? [results]).Where(d => d.Errors is { Count: > 0 }))
        {
            var schemaPath = Segments(detail.EvaluationPath.ToString());
            var instancePath = Segments(detail.InstanceLocation.ToString());
            if (schemaPath.Count > 0 && schemaPath[^1] == "additionalProperties")
            {
                errors.Add(new SchemaError(Path(document, instancePath, null), SchemaErrorKind.NoAdditionalPropertiesAllowed, null));
                continue;
            }

            var subschema = SchemaAt(schema.Json, instancePath);
            foreach (var keyword in detail.Errors!.Keys)
            {
                if (keyword == "required")
                {
                    var target = Node(document, instancePath) as JsonObject;
                    foreach (var name in (subschema?["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>())
                                 .Where(n => target is null || !target.ContainsKey(n)))
                    {
                        errors.Add(new SchemaError(Path(document, instancePath, name), SchemaErrorKind.PropertyRequired, subschema));
                    }

                    continue;
                }

                errors.Add(new SchemaError(Path(document, instancePath, null), Kind(keyword, subschema), subschema));
            }
        }

        return errors;
    }

    private static SchemaErrorKind Kind(string keyword, JsonObject? schema) => keyword switch
    {
        "enum" or "const" => SchemaErrorKind.NotInEnumeration,
        "uniqueItems" => SchemaErrorKind.ItemsNotUnique,
        "pattern" => SchemaErrorKind.PatternMismatch,
        "maximum" or "exclusiveMaximum" => SchemaErrorKind.NumberTooBig,
        "minimum" or "exclusiveMinimum" => SchemaErrorKind.NumberTooSmall,
        "minLength" => SchemaErrorKind.StringTooShort,
        "maxLength" => SchemaErrorKind.StringTooLong,
        "maxItems" => SchemaErrorKind.TooManyItems,
        "minItems" => SchemaErrorKind.TooFewItems,
        "maxProperties" => SchemaErrorKind.TooManyProperties,
        "minProperties" => SchemaErrorKind.TooFewProperties,
        "type" => (schema?["type"] as JsonValue)?.ToString() switch
        {
            "boolean" => SchemaErrorKind.BooleanExpected,
            "integer" => SchemaErrorKind.IntegerExpected,
            "number" => SchemaErrorKind.NumberExpected,
            "string" => SchemaErrorKind.StringExpected,
            "object" => SchemaErrorKind.ObjectExpected,
            "array" => SchemaErrorKind.ArrayExpected,
            _ => SchemaErrorKind.Other,
        },
        _ => SchemaErrorKind.Other,
    };

    /// <summary>A JSON Pointer's unescaped segments (<c>/a~1b/0</c> is <c>a/b</c>, <c>0</c>).</summary>
    private static List<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer.TrimStart('#').Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary>The schema node that applies at an instance location, found by walking <c>properties</c> and
    /// <c>items</c> (the schemas here have no composition keywords); the library's evaluation paths repeat
    /// <c>items</c> segments, so they are not used for this.</summary>
    private static JsonObject? SchemaAt(JsonObject root, IReadOnlyList<string> instancePath)
    {
        JsonObject? node = root;
        foreach (var segment in instancePath)
        {
            node = node?["properties"] is JsonObject properties && properties[segment] is JsonObject property
                ? property
                : node?["items"] as JsonObject ?? node?["additionalProperties"] as JsonObject;
        }

        return node;
    }

    private static JsonNode? Node(JsonNode? root, IReadOnlyList<string> segments)
    {
        var node = root;
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The path as diagnostics write it: <c>timePolicy[0].validFrom</c>, plus an optional missing child.</summary>
    private static string Path(JsonNode document, IReadOnlyList<string> segments, string? child)
    {
        var text = new StringBuilder();
        JsonNode? node = document;
        foreach (var segment in segments)
        {
            if (node is JsonArray array && int.TryParse(segment, out var index))
            {
                text.Append('[').Append(segment).Append(']');
                node = index >= 0 && index < array.Count ? array[index] : null;
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(segment);
            node = (node as JsonObject)?[segment];
        }

        if (child is not null)
        {
            text.Append(text.Length > 0 ? "." : "").Append(child);
        }

        return text.ToString();
    }
}

/// <summary>A compiled schema and the JSON it was compiled from (to read a failed keyword's bounds).</summary>
internal sealed record CompiledSchema(JsonSchema Schema, JsonObject Json);
