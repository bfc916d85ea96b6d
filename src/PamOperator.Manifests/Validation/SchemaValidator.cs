using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using PamOperator.Core.Schema;
using PamOperator.Manifests.Schemas;

namespace PamOperator.Manifests.Validation;

/// <summary>
/// Validates a spec against its kind's JSON Schema (built from the descriptor, compiled once per kind) with
/// NJsonSchema, and flattens nested errors into (path, error) pairs.
/// </summary>
internal static class SchemaValidator
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Schemas = new(StringComparer.Ordinal);

    // One validator for every call: JsonSchema.Validate builds a new one (with all its format validators) each time,
    // which dominated the cost of validating tens of thousands of objects. The validator keeps no per-call state.
    private static readonly JsonSchemaValidator Validator = new();

    public static async Task<IReadOnlyList<SchemaError>> ValidateAsync(KindDescriptor kind, JsonObject spec)
    {
        var schema = await Schemas.GetOrAdd(
            $"{kind.ApiVersion}/{kind.Kind}",
            _ => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromJsonAsync(SpecSchemaBuilder.Build(kind, SchemaFlavor.Validation).ToJsonString()))).Value;
        return Validate(schema, spec);
    }

    /// <summary>Validates <paramref name="document"/> against a compiled schema; strings stay strings (no date parsing).</summary>
    public static IReadOnlyList<SchemaError> Validate(JsonSchema schema, JsonNode document)
    {
        using var reader = new JsonTextReader(new StringReader(document.ToJsonString())) { DateParseHandling = DateParseHandling.None };
        var token = JToken.ReadFrom(reader);
        var result = new List<SchemaError>();
        Flatten(Validator.Validate(token, schema), result);
        return result;
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<SchemaError> result)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                Flatten(child.Errors.SelectMany(e => e.Value), result);
                continue;
            }

            result.Add(new SchemaError(Normalize(error.Path), error.Kind, error.Schema));
        }
    }

    /// <summary><c>#/ssh.x11</c> becomes <c>ssh.x11</c>; the root becomes the empty path.</summary>
    private static string Normalize(string? path) =>
        path is null ? "" : path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
}
