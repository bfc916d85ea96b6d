using PamOperator.Operator.Status;

namespace PamOperator.Operator.Reconciling;

/// <summary>What the Load phase of a batch produced: objects to keep (desired), objects to delete or orphan (removed),
/// the secrets they need, and the outcomes already decided (invalid specs, missing secrets).</summary>
internal sealed class BatchInputs
{
    public List<BatchMember> Desired { get; } = [];

    public List<BatchMember> Removed { get; } = [];

    /// <summary>Deleting resources that cannot be planned (invalid spec): their finalizer is simply released.</summary>
    public List<Resources.CustomResource> Release { get; } = [];

    public ResolvedSecrets Secrets { get; } = new();

    public Dictionary<Resources.ResourceKey, ObjectOutcome> Outcomes { get; } = [];

    /// <summary>Writes that took effect in the PAM, by key, for Normal events (Created, Updated, Deleted).</summary>
    public Dictionary<Resources.ResourceKey, (string Reason, string Message)> Writes { get; } = [];

    /// <summary>The batch observed the PAM (so its ProviderConfig needs no probe); <see cref="ObserveFailure"/> when that failed.</summary>
    public bool Observed { get; set; }

    public string? ObserveFailure { get; set; }
}
