using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Manifests.Kinds;
using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Manifests.Schemas;
using PamOperator.Manifests.Secrets;
using PamOperator.Manifests.Yaml;

namespace PamOperator.Manifests.Validation;

/// <summary>
/// Validates one document on its own, in phases: Project (YAML to JSON within limits), Envelope (kind, metadata),
/// Secrets (inline values scrubbed), Schema (JSON Schema), Rules (CEL), Build (object or ProviderConfig).
/// </summary>
internal static class DocumentValidator
{
    public static async Task<DocumentResult> ValidateAsync(ParsedDocument document, KindCatalog catalog, DiagnosticBag diagnostics)
    {
        var projection = JsonProjector.Project(document.Root!, diagnostics);
        if (!projection.Complete)
        {
            return new DocumentResult(null, null);
        }

        var context = new DocumentContext(projection, document.Start, catalog);
        try
        {
            return await ValidateProjectedAsync(projection.Json, context);
        }
        finally
        {
            diagnostics.AddRange(context.Diagnostics);
        }
    }

    private static async Task<DocumentResult> ValidateProjectedAsync(JsonNode? json, DocumentContext context)
    {
        if (json is not JsonObject root)
        {
            context.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DocumentNotObject, "a manifest must be a mapping",
                "Each YAML document is one object with apiVersion, kind, metadata and spec.", context.Start));
            return new DocumentResult(null, null);
        }

        var envelope = EnvelopeValidator.Validate(root, context);
        var spec = Spec(root, context);
        if (envelope is null || spec is null)
        {
            return new DocumentResult(null, null);
        }

        var kind = envelope.Kind;
        var fields = SpecSchemaBuilder.SpecFields(kind);
        var alreadyReported = InlineSecretCheck.Scrub(fields, spec, "", context)
            .Concat(context.Reported.Where(p => p.StartsWith("spec.", StringComparison.Ordinal)).Select(p => p["spec.".Length..]))
            .ToList();
        var errors = (await SchemaValidator.ValidateAsync(kind, spec))
            .Where(e => !alreadyReported.Any(p => e.Path == p || e.Path.StartsWith(p + ".", StringComparison.Ordinal)))
            .ToList();
        foreach (var error in errors)
        {
            SchemaErrorMapper.Report(error, fields, spec, context);
        }

        RuleValidator.Validate(kind, spec, [.. errors.Select(e => e.Path), .. alreadyReported], context);
        if (kind.Deprecation is { } deprecation)
        {
            context.Warning(DiagnosticCodes.DeprecatedKind, $"{kind.Kind} is {deprecation}",
                $"The object still works; plan to replace it before {context.Catalog.Registry.ModuleOf(kind)?.DisplayName ?? kind.Vendor} removes the endpoint.", "kind");
        }

        return kind == context.Catalog.ProviderConfig
            ? new DocumentResult(null, ProviderConfigReader.Read(envelope.Name, spec, SecretReferences.BaseDirectoryOf(context.Start.File), context))
            : new DocumentResult(Build(envelope, spec, context), null);
    }

    private static JsonObject? Spec(JsonObject root, DocumentContext context)
    {
        if (!root.TryGetPropertyValue("spec", out var node) || node is null)
        {
            return new JsonObject();
        }

        if (node is JsonObject spec)
        {
            return spec;
        }

        context.Error(DiagnosticCodes.WrongType, "spec must be a mapping", "Write spec as key: value pairs.", "spec");
        return null;
    }

    private static ManifestObject Build(Envelope envelope, JsonObject spec, DocumentContext context)
    {
        var control = ControlFieldReader.Extract(spec);
        spec.Parent?.AsObject().Remove("spec");
        return new ManifestObject
        {
            Kind = envelope.Kind,
            Name = envelope.Name,
            Namespace = envelope.Namespace,
            Spec = spec,
            Control = control,
            Location = context.Start,
            FieldLocations = context.Locations,
            Labels = envelope.Labels,
            Annotations = envelope.Annotations,
        };
    }
}
