using PamOperator.Engine.Apply;
using PamOperator.Engine.Execution;
using PamOperator.Engine.Graph;

namespace PamOperator.Cli.Progress;

/// <summary>One PAM's apply hooks: <paramref name="inner"/> first (the step lines on stdout), then the board.</summary>
internal sealed class ApplyProgressHooks(ProgressBoard board, string pam, IApplyHooks inner) : IApplyHooks
{
    public void ApplyStarted(int stepCount)
    {
        inner.ApplyStarted(stepCount);
        board.ApplyStarted(pam, stepCount);
    }

    public void StepStarted(PlanStep step)
    {
        inner.StepStarted(step);
        board.StepStarted(pam, step.Name);
    }

    public void StepFinished(StepReport report)
    {
        inner.StepFinished(report);
        board.StepFinished(pam, report.Step.Name, report.Status == StepStatus.Failed);
    }

    public void Compensated(CompensationReport report) => inner.Compensated(report);
}
