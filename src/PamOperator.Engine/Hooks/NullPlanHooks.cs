using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Hooks;

/// <summary>Hooks that report nothing (the default).</summary>
public sealed class NullPlanHooks : IPlanHooks
{
    public static NullPlanHooks Instance { get; } = new();

    public void ObserveStarted(string pam, IReadOnlyList<ObjectType> types)
    {
    }

    public void ObjectsRead(string pam, ObjectType type, int count)
    {
    }

    public void ObserveFinished(string pam, ObjectType type, int objectCount)
    {
    }

    public void ObserveFailed(string pam, Diagnostic failure)
    {
    }

    public void PlanFinished(string pam, PlanSummary summary, int changeCount)
    {
    }
}
