using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;

namespace PamOperator.Manifests.Validation;

/// <summary>Checks <c>metadata</c>: the name and namespace as Kubernetes requires them, labels and annotations as
/// maps of strings.</summary>
internal static class MetadataValidator
{
    public static void CheckName(string name, DocumentContext context)
    {
        if (!KubernetesNames.IsDnsSubdomain(name))
        {
            context.Error(DiagnosticCodes.InvalidName, $"metadata.name '{name}' is not a valid Kubernetes name",
                "Use at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit. For a PAM "
                + $"name that does not fit, keep a valid metadata.name and set the annotation {ManifestObject.ExternalNameAnnotation}.",
                "metadata.name");
        }
    }

    public static string? Namespace(JsonObject metadata, bool namespaced, DocumentContext context)
    {
        var ns = EnvelopeValidator.OptionalString(metadata, "namespace", "metadata", context);
        if (ns is null)
        {
            return null;
        }

        if (!namespaced)
        {
            context.Warning(DiagnosticCodes.NamespaceOnClusterScoped, "metadata.namespace is ignored: this kind is cluster-scoped",
                "Remove metadata.namespace (kustomize adds it when a namespace transformer does not know the kind).", "metadata.namespace");
            return null;
        }

        if (!KubernetesNames.IsDnsLabel(ns))
        {
            context.Error(DiagnosticCodes.InvalidName, $"metadata.namespace '{ns}' is not a valid namespace name",
                "Use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit.", "metadata.namespace");
        }

        return ns;
    }

    public static Dictionary<string, string> StringMap(JsonObject metadata, string field, DocumentContext context)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!metadata.TryGetPropertyValue(field, out var node) || node is null)
        {
            return result;
        }

        if (node is not JsonObject map)
        {
            context.Error(DiagnosticCodes.WrongType, $"metadata.{field} must be a mapping of strings", "Write key: \"value\" pairs.", $"metadata.{field}");
            return result;
        }

        foreach (var (key, value) in map)
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                result[key] = v.GetValue<string>();
            }
            else
            {
                context.Error(DiagnosticCodes.WrongType, $"metadata.{field}.{key} must be a string",
                    "Quote the value, e.g. \"true\" or \"5\".", $"metadata.{field}.{key}");
            }
        }

        return result;
    }
}
