using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Manifests.Schemas;

/// <summary>The shape of every secret field: <c>{valueFrom: {env | file | secretKeyRef: {name, key}}}</c>.</summary>
internal static class SecretSchema
{
    public static JsonObject Build(string description, bool clusterScoped, SchemaFlavor flavor)
    {
        var keyRef = SchemaNodes.Object(flavor, "A key of a Kubernetes Secret (operator only).",
            [
                ("name", SchemaNodes.NonEmptyString("Secret name.")),
                ("key", SchemaNodes.NonEmptyString("Key within the Secret.")),
                .. clusterScoped
                    ? new[] { ("namespace", SchemaNodes.NonEmptyString("Secret namespace (cluster-scoped objects only).")) }
                    : [],
            ],
            ["name", "key"]);
        var valueFrom = SchemaNodes.Object(flavor, "Exactly one source of the secret value.",
            [
                ("env", new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = "Environment variable holding the value (pamctl).",
                    ["pattern"] = Formats.EnvironmentVariable,
                }),
                ("file", SchemaNodes.NonEmptyString("File holding the value, relative to the manifest's directory (pamctl).")),
                ("secretKeyRef", keyRef),
            ],
            []);
        valueFrom["minProperties"] = 1;
        valueFrom["maxProperties"] = 1;
        return SchemaNodes.Object(flavor, description, [("valueFrom", valueFrom)], ["valueFrom"]);
    }
}
