namespace PamOperator.Operator.Status;

/// <summary>Every condition reason the operator writes (CamelCase, stable: dashboards and alerts key on them).</summary>
public static class ConditionReasons
{
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

    /// <summary>The object is being deleted: the PAM object is deleted or orphaned, then the finalizer released.</summary>
    public const string Deleting = "Deleting";

    /// <summary>Condition type: the PAM object matches the spec.</summary>
    public const string Ready = "Ready";

    /// <summary>Condition type: the last reconcile ran to its end.</summary>
    public const string Synced = "Synced";
}
