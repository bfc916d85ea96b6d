using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Runs;

/// <summary>
/// One PAM's section of a run: the plan and the observation it was made from, or, when the PAM could not be read, the
/// diagnostic that says why (<see cref="Plan"/> then holds that diagnostic and no change).
/// </summary>
public sealed record PamPlan
{
    public required PamTarget Target { get; init; }

    public required Plan Plan { get; init; }

    public LiveState Live { get; init; } = LiveState.Empty;

    public IReadOnlyList<ObjectType> ObservedTypes { get; init; } = [];

    /// <summary>Why the PAM could not be observed; null when it was.</summary>
    public Diagnostic? Failure { get; init; }

    /// <summary>A section for a PAM that could not be observed.</summary>
    public static PamPlan Failed(PamTarget target, Diagnostic failure) => new()
    {
        Target = target,
        Failure = failure,
        Plan = new Plan { Changes = [], Diagnostics = [failure], Fingerprint = Fingerprints.StateFingerprint.Compute(LiveState.Empty, []) },
    };
}
