using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Hooks;

/// <summary>Hooks that report nothing (the default).</summary>
public sealed class NullPlanHooks : IPlanHooks
{
    public static NullPlanHooks Instance { get; } = new();

    public void ObserveStarted(IReadOnlyList<string> wireTypes)
    {
    }

    public void ObserveFinished(string wireType, int objectCount)
    {
    }

    public void PlanFinished(PlanSummary summary, int changeCount)
    {
    }
}
