using PamOperator.Engine.Apply;
using PamOperator.Engine.Execution;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>Hooks that keep every report, thread-safe.</summary>
internal sealed class RecordingApplyHooks : IApplyHooks
{
    private readonly Lock _gate = new();

    public List<string> Started { get; } = [];

    public List<StepReport> Finished { get; } = [];

    public List<CompensationReport> Compensations { get; } = [];

    public List<int> ApplyStarts { get; } = [];

    public void ApplyStarted(int stepCount)
    {
        lock (_gate)
        {
            ApplyStarts.Add(stepCount);
        }
    }

    public void StepStarted(PlanStep step)
    {
        lock (_gate)
        {
            Started.Add(step.Name);
        }
    }

    public void StepFinished(StepReport report)
    {
        lock (_gate)
        {
            Finished.Add(report);
        }
    }

    public void Compensated(CompensationReport report)
    {
        lock (_gate)
        {
            Compensations.Add(report);
        }
    }
}
