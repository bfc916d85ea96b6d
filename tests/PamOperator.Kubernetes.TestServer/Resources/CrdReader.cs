using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>Turns a CustomResourceDefinition into the resource types it serves, or says why it is invalid.</summary>
internal static class CrdReader
{
    /// <summary>Returns the served types (one per served version), or an error message for a 422.</summary>
    public static (IReadOnlyList<ResourceType> Types, string? Error) Read(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var names = spec?["names"] as JsonObject;
        var group = spec?["group"]?.ToString();
        var plural = names?["plural"]?.ToString();
        var kind = names?["kind"]?.ToString();
        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(plural) || string.IsNullOrEmpty(kind))
        {
            return ([], "spec.group, spec.names.plural and spec.names.kind: Required value");
        }

        if (Meta.Str(crd, "name") != $"{plural}.{group}")
        {
            return ([], $"metadata.name: Invalid value: \"{Meta.Str(crd, "name")}\": must be spec.names.plural+\".\"+spec.group");
        }

        var singular = names?["singular"]?.ToString() ?? kind.ToLowerInvariant();
        var shortNames = (names?["shortNames"] as JsonArray)?.Select(n => n!.ToString()).ToList() ?? [];
        var categories = (names?["categories"] as JsonArray)?.Select(n => n!.ToString()).ToList() ?? [];
        var namespaced = spec?["scope"]?.ToString() != "Cluster";
        var types = new List<ResourceType>();
        foreach (var version in (spec?["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"] is JsonValue served && served.TryGetValue(out bool isServed) && !isServed)
            {
                continue;
            }

            var hasStatus = version["subresources"]?["status"] is JsonObject;
            types.Add(new ResourceType(group, version["name"]!.ToString(), plural, singular, kind, namespaced, hasStatus,
                true, shortNames, Columns(version))
            {
                Categories = categories,
                Schema = version["schema"]?["openAPIV3Schema"]?.DeepClone() as JsonObject,
            });
        }

        return types.Count == 0 ? ([], "spec.versions: Required value: must have exactly one storage version") : (types, null);
    }

    /// <summary>The <c>x-kubernetes-validations</c> rules of every version's schema that do not compile.</summary>
    public static List<Admission.FieldError> RuleErrors(JsonObject crd)
    {
        var errors = new List<Admission.FieldError>();
        var versions = crd["spec"]?["versions"] as JsonArray ?? [];
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i]?["schema"]?["openAPIV3Schema"] is JsonObject schema)
            {
                errors.AddRange(Admission.CelRules.CompileAll(schema, $"spec.versions[{i}].schema.openAPIV3Schema"));
            }
        }

        return errors;
    }

    /// <summary>Sets acceptedNames, storedVersions and the NamesAccepted and Established conditions.</summary>
    public static void SetStatus(JsonObject crd, string now)
    {
        var spec = crd["spec"]!;
        var stored = (spec["versions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(v => v["storage"] is JsonValue s && s.TryGetValue(out bool b) && b)
            .Select(v => (JsonNode?)JsonValue.Create(v["name"]!.ToString()))
            .ToArray();
        crd["status"] = new JsonObject
        {
            ["acceptedNames"] = spec["names"]?.DeepClone(),
            ["storedVersions"] = new JsonArray(stored),
            ["conditions"] = new JsonArray(Condition("NamesAccepted", "NoConflicts", now), Condition("Established", "InitialNamesAccepted", now)),
        };
    }

    private static JsonObject Condition(string type, string reason, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = type == "Established" ? "the initial names have been accepted" : "no conflicts found",
    };

    private static List<PrinterColumn> Columns(JsonObject version) =>
        (version["additionalPrinterColumns"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(c => new PrinterColumn(
                c["name"]?.ToString() ?? string.Empty,
                c["type"]?.ToString() ?? "string",
                c["jsonPath"]?.ToString() ?? string.Empty,
                c["description"]?.ToString() ?? string.Empty))
            .ToList();
}
