namespace PamOperator.Operator.Status;

/// <summary>
/// What one reconcile decided for one custom resource: the conditions to report and whether to retry.
/// Messages never carry a secret value.
/// </summary>
/// <param name="Ready">Ready condition status.</param>
/// <param name="Synced">Synced condition status.</param>
/// <param name="Reason">One of <see cref="ConditionReasons"/>.</param>
/// <param name="Message">Human-readable detail.</param>
/// <param name="ExternalId">The PAM id, when known.</param>
/// <param name="SecretHash">The hash of the secret values applied (null: no secret, or not applied now).</param>
/// <param name="Retry">Requeue with backoff; false for success and for terminal failures.</param>
/// <param name="Paused">The object carries the pause annotation: Synced is ReconcilePaused and Ready is left as it was.</param>
/// <param name="AtProvider">For lifecycle kinds: the status the PAM reports (state, ...), written to status.atProvider.</param>
public sealed record ObjectOutcome(
    bool Ready, bool Synced, string Reason, string Message, string? ExternalId = null, string? SecretHash = null, bool Retry = false, bool Paused = false,
    System.Text.Json.Nodes.JsonObject? AtProvider = null)
{
    public static ObjectOutcome PausedNow { get; } =
        new(false, false, ConditionReasons.ReconcilePaused, $"Reconciling is paused by the annotation {ConditionReasons.PausedAnnotation}.", Paused: true);

    public static ObjectOutcome Succeeded(string? externalId, string? secretHash) =>
        new(true, true, ConditionReasons.ReconcileSucceeded, "The PAM object matches the spec.", externalId, secretHash);

    public static ObjectOutcome Failed(string reason, string message, bool retry = true) => new(false, false, reason, message, Retry: retry);
}
