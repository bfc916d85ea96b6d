using PamOperator.Engine.Execution;

namespace PamOperator.Engine.Apply;

/// <summary>Hooks that ignore everything.</summary>
public sealed class NullApplyHooks : IApplyHooks
{
    public static NullApplyHooks Instance { get; } = new();

    public void ApplyStarted(int stepCount)
    {
    }

    public void StepStarted(PlanStep step)
    {
    }

    public void StepFinished(StepReport report)
    {
    }

    public void Compensated(CompensationReport report)
    {
    }
}
