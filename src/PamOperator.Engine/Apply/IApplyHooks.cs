using PamOperator.Engine.Execution;

namespace PamOperator.Engine.Apply;

/// <summary>
/// Progress of an apply (after Terraform's hooks): the engine never prints. Steps may finish concurrently, so
/// implementations must be thread-safe, fast, and must not throw.
/// </summary>
public interface IApplyHooks
{
    /// <summary>A write starts (or, in an atomic transaction, is staged).</summary>
    void StepStarted(PlanStep step);

    /// <summary>A write is done (for an atomic transaction: after the commit), failed, or was skipped.</summary>
    void StepFinished(StepReport report);

    /// <summary>An undo of a completed step finished (compensation after a failure).</summary>
    void Compensated(CompensationReport report);
}
