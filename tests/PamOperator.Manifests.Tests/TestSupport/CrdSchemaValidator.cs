using System.Text.Json.Nodes;
using PamOperator.Manifests.Cel;
using PamOperator.Manifests.Validation;

namespace PamOperator.Manifests.Tests.TestSupport;

/// <summary>
/// Emulates what the Kubernetes API server does with a custom resource, starting from the CRD file as shipped in
/// crds/: structural schema validation with strict field validation (unknown fields rejected, as
/// <c>kubectl apply --validate=strict</c> does), <c>x-kubernetes-list-type: set</c> uniqueness, then every
/// <c>x-kubernetes-validations</c> rule on the values present, skipping transition rules (<c>oldSelf</c>), which the
/// server does not run on create. Returns the reasons for rejection; empty means accepted.
/// </summary>
public sealed class CrdSchemaValidator
{
    private readonly JsonObject _schema;
    private readonly CompiledSchema _strict;

    private CrdSchemaValidator(JsonObject schema, CompiledSchema strict)
    {
        _schema = schema;
        _strict = strict;
    }

    public static async Task<CrdSchemaValidator> LoadAsync(string crdFile)
    {
        var crd = YamlFile.Documents(await File.ReadAllTextAsync(crdFile), crdFile).Single();
        var schema = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();
        var strict = Strict(schema.DeepClone().AsObject());
        return new CrdSchemaValidator(schema, SchemaValidator.Compile(strict));
    }

    public IReadOnlyList<string> Rejections(JsonObject document)
    {
        var reasons = SchemaValidator.Validate(_strict, document).Select(e => $"schema {e.Kind} at {e.Path}").ToList();
        Rules(_schema, document, "", reasons);
        return reasons;
    }

    private static JsonObject Strict(JsonObject schema)
    {
        if (schema["properties"] is JsonObject properties)
        {
            schema["additionalProperties"] = false;
            foreach (var (_, child) in properties)
            {
                Strict(child!.AsObject());
            }
        }

        if (schema["items"] is JsonObject items)
        {
            Strict(items);
        }

        if (schema["x-kubernetes-list-type"]?.GetValue<string>() == "set")
        {
            schema["uniqueItems"] = true;
        }

        foreach (var key in schema.Select(p => p.Key).Where(k => k.StartsWith("x-kubernetes-", StringComparison.Ordinal) || k == "format").ToList())
        {
            schema.Remove(key);
        }

        return schema;
    }

    private static void Rules(JsonObject schema, JsonNode? value, string path, List<string> reasons)
    {
        if (value is null)
        {
            return;
        }

        foreach (var rule in (schema["x-kubernetes-validations"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var text = rule["rule"]!.GetValue<string>();
            if (text.Contains("oldSelf", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                if (!CelProgram.Parse(text).IsSatisfiedBy(value))
                {
                    reasons.Add($"rule at {path}: {rule["message"]}");
                }
            }
            catch (CelEvaluationException ex)
            {
                reasons.Add($"rule error at {path}: {ex.Message}");
            }
        }

        if (schema["properties"] is JsonObject properties && value is JsonObject map)
        {
            foreach (var (name, child) in properties)
            {
                Rules(child!.AsObject(), map[name], $"{path}.{name}", reasons);
            }
        }

        if (schema["items"] is JsonObject items && value is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Rules(items, list[i], $"{path}[{i}]", reasons);
            }
        }
    }
}
