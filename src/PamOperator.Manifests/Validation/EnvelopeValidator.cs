using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;

namespace PamOperator.Manifests.Validation;

/// <summary>Checks <c>apiVersion</c>, <c>kind</c>, <c>metadata</c> and the top-level keys of a document.</summary>
internal static class EnvelopeValidator
{
    private static readonly string[] TopLevel = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] MetadataFields = ["name", "namespace", "labels", "annotations"];

    /// <summary>The envelope, or null when the kind or name is unusable (diagnostics say why).</summary>
    public static Envelope? Validate(JsonObject root, DocumentContext context)
    {
        foreach (var key in root.Select(p => p.Key).Where(k => !TopLevel.Contains(k)))
        {
            var detail = key == "status"
                ? "status is written by the operator, never by hand; remove it."
                : $"A manifest has apiVersion, kind, metadata and spec.{Suggestions.DidYouMean(key, TopLevel)}";
            context.Error(DiagnosticCodes.UnknownField, $"unknown field {key}", detail, key);
        }

        var apiVersion = RequiredString(root, "apiVersion", "", context);
        var kindName = RequiredString(root, "kind", "", context);
        var kind = apiVersion is null || kindName is null ? null : context.Catalog.Find(apiVersion, kindName);
        if (apiVersion is not null && kindName is not null && kind is null)
        {
            var known = string.Join("; ", context.Catalog.AllWithProviderConfig.Select(k => $"{k.ApiVersion} {k.Kind}"));
            var sameKind = context.Catalog.AllWithProviderConfig.FirstOrDefault(k => k.Kind == kindName);
            var hint = sameKind is not null
                ? $" Did you mean apiVersion: {sameKind.ApiVersion}?"
                : Suggestions.DidYouMean(kindName, context.Catalog.AllWithProviderConfig.Select(k => k.Kind));
            context.Error(DiagnosticCodes.UnknownKind, $"unknown kind {kindName} in {apiVersion}", $"Known kinds: {known}.{hint}",
                sameKind is not null ? "apiVersion" : "kind");
        }

        var metadata = Metadata(root, context);
        var name = metadata is null ? null : RequiredString(metadata, "name", "metadata", context);
        if (kind is null || metadata is null || name is null)
        {
            return null;
        }

        context.Address = new Core.ObjectAddress(kind.Vendor, kind.Kind, name).ToString();
        MetadataValidator.CheckName(name, context);
        var ns = MetadataValidator.Namespace(metadata, kind.Namespaced, context);
        var labels = MetadataValidator.StringMap(metadata, "labels", context);
        var annotations = MetadataValidator.StringMap(metadata, "annotations", context);
        if (annotations.TryGetValue(ManifestObject.ExternalNameAnnotation, out var external) && external.Trim().Length == 0)
        {
            context.Error(DiagnosticCodes.InvalidName, "the external-name annotation is empty",
                $"Give {ManifestObject.ExternalNameAnnotation} the object's name in the PAM, or remove it to use metadata.name.",
                $"metadata.annotations.{ManifestObject.ExternalNameAnnotation}");
        }

        return new Envelope(kind, name, ns, labels, annotations);
    }

    private static JsonObject? Metadata(JsonObject root, DocumentContext context)
    {
        if (!root.TryGetPropertyValue("metadata", out var node) || node is null)
        {
            context.Error(DiagnosticCodes.MissingField, "metadata.name is required", "Add metadata: {name: my-object}.", "");
            return null;
        }

        if (node is not JsonObject metadata)
        {
            context.Error(DiagnosticCodes.WrongType, "metadata must be a mapping", "Write metadata: {name: my-object}.", "metadata");
            return null;
        }

        foreach (var key in metadata.Select(p => p.Key).Where(k => !MetadataFields.Contains(k)))
        {
            context.Error(DiagnosticCodes.UnknownField, $"unknown field metadata.{key}",
                $"Manifests use metadata.name, namespace, labels and annotations.{Suggestions.DidYouMean(key, MetadataFields)}", $"metadata.{key}");
        }

        return metadata;
    }

    private static string? RequiredString(JsonObject node, string field, string parent, DocumentContext context)
    {
        var path = JsonPaths.Join(parent, field);
        if (!node.TryGetPropertyValue(field, out var value) || value is null)
        {
            context.Error(DiagnosticCodes.MissingField, $"{path} is required", $"Add {path}.", parent);
            return null;
        }

        return OptionalString(node, field, parent, context);
    }

    internal static string? OptionalString(JsonObject node, string field, string parent, DocumentContext context)
    {
        if (!node.TryGetPropertyValue(field, out var value) || value is null)
        {
            return null;
        }

        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        var path = JsonPaths.Join(parent, field);
        context.Error(DiagnosticCodes.WrongType, $"{path} must be a string", $"Write {path} as text.", path);
        return null;
    }
}
