namespace PamOperator.Operator.Status;

/// <summary>
/// Every condition reason the operator writes (CamelCase, stable: dashboards and alerts key on them). The conditions'
/// reasons are crossplane-runtime's: Ready is Available, Creating, Deleting or Unavailable; Synced is ReconcileSuccess,
/// ReconcileError or ReconcilePaused. The cause of a failure (ProviderConfigMissing, InvalidSpec, ...) starts the
/// message ("InvalidSpec: ...") and is the <see cref="ObjectOutcome.Reason"/> of the outcome.
/// </summary>
public static class ConditionReasons
{
    /// <summary>Ready: the PAM object exists and matches the spec.</summary>
    public const string Available = "Available";

    /// <summary>Ready: the PAM object is not created yet (or its creation failed).</summary>
    public const string Creating = "Creating";

    /// <summary>Ready: the PAM object existed and is not in the desired state now.</summary>
    public const string Unavailable = "Unavailable";

    /// <summary>Synced: the last reconcile ran to its end.</summary>
    public const string ReconcileSuccess = "ReconcileSuccess";

    /// <summary>Synced: the last reconcile failed (the message names the cause).</summary>
    public const string ReconcileError = "ReconcileError";

    /// <summary>Synced: the object carries the pause annotation; nothing is done until it is removed.</summary>
    public const string ReconcilePaused = "ReconcilePaused";

    /// <summary>The annotation that pauses reconciling an object (value "true"), after Crossplane's crossplane.io/paused.</summary>
    public const string PausedAnnotation = "pamoperator.io/paused";

    /// <summary>The PAM object matches the spec after the last reconcile.</summary>
    public const string ReconcileSucceeded = "ReconcileSucceeded";

    /// <summary>The plan or the apply failed for this object; retried with backoff.</summary>
    public const string ReconcileFailed = "ReconcileFailed";

    /// <summary>A referenced PAM object is neither live nor declared and ready; retried with backoff.</summary>
    public const string ReferenceNotReady = "ReferenceNotReady";

    /// <summary>The PAM could not be reached, or refused the credentials; retried with backoff.</summary>
    public const string ProviderUnavailable = "ProviderUnavailable";

    /// <summary>No ProviderConfig exists for this object (none named, or the named one is missing).</summary>
    public const string ProviderConfigMissing = "ProviderConfigMissing";

    /// <summary>The spec does not validate; terminal until the spec changes (not retried).</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>A Kubernetes Secret the spec refers to is missing or lacks the key; retried with backoff.</summary>
    public const string SecretUnavailable = "SecretUnavailable";

    /// <summary>The PAM object differs and managementPolicies forbid the change (Observe only): reported, not fixed.</summary>
    public const string DriftDetected = "DriftDetected";

    /// <summary>Ready, and a cause: the object is being deleted (the PAM object is deleted or orphaned, then the
    /// finalizer released).</summary>
    public const string Deleting = "Deleting";

    /// <summary>Condition type: the PAM object matches the spec.</summary>
    public const string Ready = "Ready";

    /// <summary>Condition type: the last reconcile ran to its end.</summary>
    public const string Synced = "Synced";
}
