using System.Text.Json.Nodes;
using PamOperator.Kubernetes.TestServer.Http;
using PamOperator.Kubernetes.TestServer.Resources;

namespace PamOperator.Kubernetes.TestServer.Admission;

/// <summary>
/// Admission of a custom resource against its CRD, in kube-apiserver's order: unknown fields (400 with
/// <c>fieldValidation=Strict</c>, a warning with <c>Warn</c> or none given, silently otherwise) are pruned, defaults
/// applied, then the OpenAPI v3 schema and the <c>x-kubernetes-validations</c> rules checked; any error refuses the
/// write with 422 Invalid, message <c>Kind.group "name" is invalid: ...</c> and one cause per field error, as
/// kube-apiserver answers. Not modelled: validation ratcheting (1.30+ lets unchanged invalid fields through on
/// update), <c>messageExpression</c>, CEL cost limits, date-time strings as CEL timestamps.
/// </summary>
internal static class CustomResourceAdmission
{
    /// <summary>Prunes, defaults and validates <paramref name="candidate"/> in place; null when it may be stored.</summary>
    public static ApiResult? Admit(ResourceType type, JsonObject candidate, JsonObject? old, string? fieldValidation, List<string> warnings)
    {
        if (!type.IsCustom || type.Schema is not { } schema)
        {
            return null;
        }

        var unknown = SchemaWalker.Prune(candidate, schema);
        if (unknown.Count > 0)
        {
            var listed = string.Join(", ", unknown.Select(u => $"unknown field {FieldError.Quote(u)}"));
            switch (fieldValidation)
            {
                case "Strict":
                    return StatusBodies.BadRequest($"{type.Kind} in version {FieldError.Quote(type.Version)} cannot be handled as a {type.Kind}: strict decoding error: {listed}");
                case "Ignore":
                    break;
                default:
                    warnings.AddRange(unknown.Select(u => $"unknown field {FieldError.Quote(u)}"));
                    break;
            }
        }

        SchemaWalker.Default(candidate, schema);
        var errors = new List<FieldError>();
        SchemaWalker.Validate(candidate, schema, string.Empty, errors);
        CelRules.Evaluate(candidate, old, old is not null, schema, string.Empty, errors);
        return errors.Count == 0 ? null : Invalid(type, Meta.Str(candidate, "name") ?? string.Empty, errors);
    }

    /// <summary>The 422 kube-apiserver returns: one error inline, several in brackets; a cause per error.</summary>
    public static ApiResult Invalid(ResourceType type, string name, IReadOnlyList<FieldError> errors)
    {
        var summary = errors.Count == 1 ? errors[0].ToString() : $"[{string.Join(", ", errors)}]";
        var qualified = type.Group.Length == 0 ? type.Kind : $"{type.Kind}.{type.Group}";
        var details = new JsonObject
        {
            ["name"] = name,
            ["group"] = type.Group,
            ["kind"] = type.Kind,
            ["causes"] = new JsonArray(errors.Select(e => (JsonNode?)new JsonObject
            {
                ["reason"] = e.Reason,
                ["message"] = e.Message,
                ["field"] = e.Field,
            }).ToArray()),
        };
        return StatusBodies.Failure(422, "Invalid", $"{qualified} {FieldError.Quote(name)} is invalid: {summary}", details);
    }
}
