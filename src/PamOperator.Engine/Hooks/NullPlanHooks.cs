using PamOperator.Core.Schema;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Hooks;

/// <summary>Hooks that report nothing (the default).</summary>
public sealed class NullPlanHooks : IPlanHooks
{
    public static NullPlanHooks Instance { get; } = new();

    public void ObserveStarted(IReadOnlyList<ObjectType> types)
    {
    }

    public void ObserveFinished(ObjectType type, int objectCount)
    {
    }

    public void PlanFinished(PlanSummary summary, int changeCount)
    {
    }
}
