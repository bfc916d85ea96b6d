using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;

namespace PamOperator.Manifests.Schemas;

/// <summary><c>x-kubernetes-validations</c> entries: the descriptor's CEL rules and the immutability rules.</summary>
internal static class CrdRules
{
    /// <summary>Optional immutable fields can be added or removed without <c>self == oldSelf</c> ever running on them,
    /// so their presence is pinned by a rule on the parent.</summary>
    public static IEnumerable<JsonObject> OptionalImmutable(IReadOnlyList<FieldDescriptor> fields) =>
        fields.Where(f => f.Immutable && !f.Required).Select(f => new JsonObject
        {
            ["rule"] = $"has(self.{f.Name}) == has(oldSelf.{f.Name})",
            ["message"] = $"{f.Name} is immutable: it cannot be added or removed after creation",
        });

    /// <summary>A rule as <c>x-kubernetes-validations</c> entry; the message carries the diagnostic code.</summary>
    public static JsonObject Node(ValidationRule rule)
    {
        var node = new JsonObject { ["rule"] = rule.Rule, ["message"] = $"{rule.Code}: {rule.Message}" };
        if (rule.FieldPath is not null)
        {
            node["fieldPath"] = rule.FieldPath;
        }

        node["reason"] = rule.Reason ?? rule.Code switch
        {
            DiagnosticCodes.RequiredWhen => "FieldValueRequired",
            DiagnosticCodes.NotAllowedWhen => "FieldValueForbidden",
            _ => "FieldValueInvalid",
        };
        return node;
    }

    public static void Add(JsonObject schema, IReadOnlyList<JsonObject> rules)
    {
        if (rules.Count > 0)
        {
            schema["x-kubernetes-validations"] = new JsonArray([.. rules]);
        }
    }
}
