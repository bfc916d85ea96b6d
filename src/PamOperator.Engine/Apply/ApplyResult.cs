using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Graph;

namespace PamOperator.Engine.Apply;

/// <summary>
/// What an apply did. <see cref="Succeeded"/>: every step took effect. Otherwise <see cref="RootCause"/> says why
/// (reported once; dependents show as skipped), and <see cref="Compensations"/> lists the undo of each completed step
/// (non-transactional sessions), or is empty because the transaction took nothing into effect.
/// <see cref="Diagnostics"/> holds problems found before any write (unresolvable secrets, a cycle).
/// </summary>
public sealed record ApplyResult
{
    public required bool Succeeded { get; init; }

    public TransactionGuarantee? Guarantee { get; init; }

    public IReadOnlyList<StepReport> Steps { get; init; } = [];

    public IReadOnlyList<CompensationReport> Compensations { get; init; } = [];

    public string? RootCause { get; init; }

    /// <summary>The write the PAM refused, when one was (null when the cause was not one write, e.g. a commit the PAM
    /// refused as a whole): the object in manifest terms and the PAM's message in manifest vocabulary.</summary>
    public ApplyFailure? Failure { get; init; }

    /// <summary>True when the PAM's answer to a transaction's commit was lost (a connection failure or timeout, the PAM
    /// naming no refused write): it may or may not have taken effect, all or nothing. Run plan to see which.</summary>
    public bool OutcomeUnknown { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Objects the PAM gained, by completed create steps (a replace counts here and in Destroyed).</summary>
    public int Added => Count(Execution.StepOperation.Create);

    public int Changed => Count(Execution.StepOperation.Update);

    public int Destroyed => Count(Execution.StepOperation.Delete);

    /// <summary>True when the PAM was left changed by this apply (partly applied and not fully compensated).</summary>
    public bool LeftChanges => !Succeeded && Steps.Any(s => s.Status == StepStatus.Succeeded) && Compensations.Any(c => !c.Restored);

    private int Count(Execution.StepOperation operation) =>
        Steps.Count(s => s.Status == StepStatus.Succeeded && s.Step.Operation == operation);
}
