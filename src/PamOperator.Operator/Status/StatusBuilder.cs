using System.Globalization;
using System.Text.Json.Nodes;

namespace PamOperator.Operator.Status;

/// <summary>
/// Builds the status of a custom resource from an outcome: conditions Ready and Synced with crossplane-runtime's
/// reasons (see <see cref="ConditionReasons"/>; lastTransitionTime kept when the condition's status did not change; a
/// paused object keeps its Ready condition), observedGeneration, externalId, lastAppliedSecretHash and a lifecycle kind's atProvider (kept from
/// the old status when the outcome has none). Only fields the CRD's status schema declares. Pure.
/// </summary>
internal static class StatusBuilder
{
    public static JsonObject Build(JsonObject? old, ObjectOutcome outcome, long generation, DateTimeOffset now, bool deleting = false)
    {
        var externalId = outcome.ExternalId ?? old?["externalId"]?.GetValue<string>();
        var message = outcome.Synced || outcome.Paused ? outcome.Message : $"{outcome.Reason}: {outcome.Message}";
        var readyReason = outcome.Ready ? ConditionReasons.Available
            : deleting ? ConditionReasons.Deleting
            : externalId is null ? ConditionReasons.Creating
            : ConditionReasons.Unavailable;
        var syncedReason = outcome.Paused ? ConditionReasons.ReconcilePaused
            : outcome.Synced ? ConditionReasons.ReconcileSuccess
            : ConditionReasons.ReconcileError;
        var oldReady = Find(old, ConditionReasons.Ready);
        var ready = outcome.Paused && oldReady is not null
            ? (JsonObject)oldReady.DeepClone()
            : Condition(old, ConditionReasons.Ready, outcome.Ready, readyReason, message, generation, now);
        var status = new JsonObject
        {
            ["conditions"] = new JsonArray(ready, Condition(old, ConditionReasons.Synced, outcome.Synced, syncedReason, message, generation, now)),
            ["observedGeneration"] = generation,
        };
        if (externalId is not null)
        {
            status["externalId"] = externalId;
        }

        var hash = outcome.SecretHash ?? old?["lastAppliedSecretHash"]?.GetValue<string>();
        if (hash is not null)
        {
            status["lastAppliedSecretHash"] = hash;
        }

        if ((outcome.AtProvider ?? old?["atProvider"] as JsonObject) is { } atProvider)
        {
            status["atProvider"] = atProvider.DeepClone();
        }

        return status;
    }

    private static JsonObject Condition(JsonObject? old, string type, bool value, string reason, string message, long generation, DateTimeOffset now)
    {
        var text = value ? "True" : "False";
        var previous = Find(old, type);
        var since = previous?["status"]?.GetValue<string>() == text && previous["lastTransitionTime"] is JsonValue t
            ? t.GetValue<string>()
            : now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = text,
            ["reason"] = reason,
            ["message"] = message,
            ["lastTransitionTime"] = since,
            ["observedGeneration"] = generation,
        };
    }

    private static JsonObject? Find(JsonObject? status, string type) =>
        (status?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);
}
