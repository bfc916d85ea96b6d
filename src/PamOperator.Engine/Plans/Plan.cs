using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Fingerprints;

namespace PamOperator.Engine.Plans;

/// <summary>
/// The result of planning: every change (sorted by address), the diagnostics found on the way, and the fingerprint of
/// the live state it was computed from. A plan with an error diagnostic must not be applied. Immutable data: the
/// serialized forms (views, plan file) are separate.
/// </summary>
public sealed record Plan
{
    public required IReadOnlyList<ResourceChange> Changes { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public required StateFingerprint Fingerprint { get; init; }

    /// <summary>The PAM the plan was made for (set by the caller, e.g. <c>fudo https://pam.example.com/</c>); a saved
    /// plan is applied only to the same target. Null when unknown.</summary>
    public string? Target { get; init; }

    public PlanSummary Summary => PlanSummary.Of(Changes);

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>True when applying would change the PAM (exit code 2 for <c>plan --detailed-exitcode</c>).</summary>
    public bool HasChanges => Changes.Any(c => c.Action != PlanAction.NoOp);

    /// <summary>True when something differs but management policies keep the plan from changing it.</summary>
    public bool HasDrift => Changes.Any(c => c.IsDriftOnly);
}
