using PamOperator.Engine.Execution;

namespace PamOperator.Engine.Apply;

/// <summary>
/// Progress of an apply (after Terraform's hooks): the engine never prints. Steps may finish concurrently, so
/// implementations must be thread-safe, fast, and must not throw. Order: ApplyStarted once (only when there is something
/// to write and the plan's secrets resolved), then StepStarted and StepFinished per step (every step finishes once:
/// succeeded, failed or skipped), then Compensated per undo after a failure.
/// </summary>
public interface IApplyHooks
{
    /// <summary>Before the first write: how many steps the apply will run (each then finishes exactly once).</summary>
    void ApplyStarted(int stepCount);

    /// <summary>A write starts (or, in an atomic transaction, is staged).</summary>
    void StepStarted(PlanStep step);

    /// <summary>A write is done (for an atomic transaction: after the commit), failed, or was skipped.</summary>
    void StepFinished(StepReport report);

    /// <summary>An undo of a completed step finished (compensation after a failure).</summary>
    void Compensated(CompensationReport report);
}
