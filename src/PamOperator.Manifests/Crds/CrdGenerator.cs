using System.Text.Json.Nodes;
using PamOperator.Core.Schema;
using PamOperator.Manifests.Schemas;

namespace PamOperator.Manifests.Crds;

/// <summary>
/// Builds the <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition of a kind from its descriptor: structural
/// schema for spec (same builder as CLI validation) and status, the status subresource, printer columns, short
/// names, the <c>pam</c> category and the CEL rules.
/// </summary>
public static class CrdGenerator
{
    public static JsonObject Generate(KindDescriptor kind) => new()
    {
        ["apiVersion"] = "apiextensions.k8s.io/v1",
        ["kind"] = "CustomResourceDefinition",
        ["metadata"] = new JsonObject { ["name"] = $"{kind.Plural}.{kind.Group}" },
        ["spec"] = new JsonObject
        {
            ["group"] = kind.Group,
            ["names"] = new JsonObject
            {
                ["kind"] = kind.Kind,
                ["listKind"] = kind.Kind + "List",
                ["plural"] = kind.Plural,
                ["singular"] = kind.Kind.ToLowerInvariant(),
                ["shortNames"] = SchemaNodes.Strings(kind.ShortNames),
                ["categories"] = SchemaNodes.Strings(["pam"]),
            },
            ["scope"] = kind.Namespaced ? "Namespaced" : "Cluster",
            ["versions"] = new JsonArray(Version(kind)),
        },
    };

    private static JsonObject Version(KindDescriptor kind) => new()
    {
        ["name"] = kind.Version,
        ["served"] = true,
        ["storage"] = true,
        ["subresources"] = new JsonObject { ["status"] = new JsonObject() },
        ["additionalPrinterColumns"] = PrinterColumns(kind),
        ["schema"] = new JsonObject { ["openAPIV3Schema"] = RootSchema(kind) },
    };

    private static JsonObject RootSchema(KindDescriptor kind)
    {
        var spec = SpecSchemaBuilder.Build(kind, SchemaFlavor.Crd);
        var root = new JsonObject
        {
            ["type"] = "object",
            ["description"] = kind.Deprecation is null ? kind.Description : $"{kind.Description} Deprecated: {kind.Deprecation}.",
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject { ["type"] = "string" },
                ["kind"] = new JsonObject { ["type"] = "string" },
                ["metadata"] = new JsonObject { ["type"] = "object" },
                ["spec"] = spec,
                ["status"] = StatusSchema.Build(kind),
            },
        };
        if (spec["required"] is JsonArray { Count: > 0 })
        {
            root["required"] = SchemaNodes.Strings(["spec"]);
        }

        return root;
    }

    private static JsonArray PrinterColumns(KindDescriptor kind)
    {
        JsonObject Column(string name, string type, string path, string description) =>
            new() { ["name"] = name, ["type"] = type, ["jsonPath"] = path, ["description"] = description };

        if (!kind.HasControlFields)
        {
            return
            [
                Column("VENDOR", "string", ".spec.vendor", "PAM vendor."),
                Column("ENDPOINT", "string", ".spec.endpoint", "PAM base URL."),
                Column("READY", "string", ".status.conditions[?(@.type==\"Ready\")].status", "The PAM answers with these credentials."),
                Column("USERS", "integer", ".status.users", "Objects that use it (its deletion waits for them)."),
                Column("AGE", "date", ".metadata.creationTimestamp", "Age."),
            ];
        }

        JsonArray columns =
        [
            Column("READY", "string", ".status.conditions[?(@.type==\"Ready\")].status", "The PAM object matches the spec."),
            Column("SYNCED", "string", ".status.conditions[?(@.type==\"Synced\")].status", "The last reconcile succeeded."),
            Column("EXTERNAL-ID", "string", ".status.externalId", "The object's id in the PAM."),
        ];
        if (kind.Capability == KindCapability.Lifecycle)
        {
            // A tracked object's progress (an access request's approval) is what people look for first.
            columns.Add(Column("STATE", "string", ".status.atProvider.state", "The object's state in the PAM (e.g. Waiting, Confirmed, Expired)."));
        }

        columns.Add(Column("AGE", "date", ".metadata.creationTimestamp", "Age."));
        return columns;
    }
}
