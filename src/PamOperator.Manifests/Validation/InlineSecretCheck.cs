using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;

namespace PamOperator.Manifests.Validation;

/// <summary>
/// Finds secret fields written as a plain value, reports them without echoing the value, and removes the value from
/// the spec so that it cannot travel further (into an object, a plan or an error).
/// </summary>
internal static class InlineSecretCheck
{
    /// <summary>Returns the spec paths (relative to spec) of the removed inline secrets.</summary>
    public static IReadOnlyList<string> Scrub(IReadOnlyList<FieldDescriptor> fields, JsonObject node, string specPath, DocumentContext context)
    {
        var removed = new List<string>();
        foreach (var field in fields)
        {
            if (!node.TryGetPropertyValue(field.Name, out var value) || value is null)
            {
                continue;
            }

            var path = specPath.Length == 0 ? field.Name : $"{specPath}.{field.Name}";
            if (field.Type == FieldType.Secret && value is JsonValue)
            {
                node.Remove(field.Name);
                removed.Add(path);
                context.Error(DiagnosticCodes.InlineSecret, $"spec.{path} is written inline; secrets are never written in manifests",
                    $"Reference it instead, e.g. {field.Name}: {{valueFrom: {{env: MY_SECRET}}}} or {{valueFrom: {{file: ./secret.txt}}}}; "
                    + "then remove the value from this file and from version control history.", $"spec.{path}");
            }
            else if (field.Type == FieldType.Object && value is JsonObject child)
            {
                removed.AddRange(Scrub(field.Fields, child, path, context));
            }
        }

        return removed;
    }
}
