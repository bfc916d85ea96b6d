using System.Text.Json.Nodes;
using PamOperator.Core.Schema;
using PamOperator.Manifests.Schemas;

namespace PamOperator.Manifests.Crds;

/// <summary>The status the operator writes: conditions (Ready, Synced), observedGeneration, externalId and the hash
/// of the last applied secret (never the secret); for a ProviderConfig, users.</summary>
internal static class StatusSchema
{
    public static JsonObject Build(KindDescriptor kind)
    {
        var properties = new JsonObject
        {
            ["conditions"] = Conditions(),
            ["observedGeneration"] = Int64("The metadata.generation the status describes."),
        };
        if (kind.HasControlFields)
        {
            properties["externalId"] = Text("The object's identifier in the PAM.");
            properties["lastAppliedSecretHash"] = Text("Salted hash of the secret reference and value last sent, to detect changes; never the secret.");
        }
        else
        {
            properties["users"] = Int64("How many objects use this ProviderConfig; its deletion waits until none does.");
        }

        if (kind.Capability == KindCapability.Lifecycle)
        {
            properties["atProvider"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "What the PAM last reported about the object's progress (e.g. request id, state, confirmations left, expiry).",
                ["x-kubernetes-preserve-unknown-fields"] = true,
                ["properties"] = new JsonObject { ["state"] = Text("The object's state in the PAM, e.g. Waiting, Confirmed, Expired.") },
            };
        }

        return new JsonObject { ["type"] = "object", ["description"] = "Observed state, written by the operator.", ["properties"] = properties };
    }

    private static JsonObject Conditions() => new()
    {
        ["type"] = "array",
        ["description"] = "Ready and Synced, with reason, message and observedGeneration.",
        ["x-kubernetes-list-type"] = "map",
        ["x-kubernetes-list-map-keys"] = SchemaNodes.Strings(["type"]),
        ["items"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = SchemaNodes.Strings(["type", "status"]),
            ["properties"] = new JsonObject
            {
                ["type"] = Text("Ready or Synced."),
                ["status"] = new JsonObject { ["type"] = "string", ["enum"] = SchemaNodes.Strings(["True", "False", "Unknown"]) },
                ["reason"] = Text("CamelCase reason after crossplane-runtime: Available, Creating, Deleting, Unavailable (Ready); ReconcileSuccess, ReconcileError, ReconcilePaused (Synced)."),
                ["message"] = Text("Human-readable detail."),
                ["lastTransitionTime"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["observedGeneration"] = Int64("The metadata.generation the condition describes."),
            },
        },
    };

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject Int64(string description) =>
        new() { ["type"] = "integer", ["format"] = "int64", ["description"] = description };
}
