using PamOperator.Core.Schema;
using PamOperator.Engine.Hooks;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>Hooks that write each event as one line, to assert on order and content.</summary>
internal sealed class RecordingHooks : IPlanHooks
{
    public List<string> Events { get; } = [];

    public void ObserveStarted(IReadOnlyList<ObjectType> types) => Events.Add($"observe {string.Join(",", types.Select(t => t.WireType))}");

    public void ObserveFinished(ObjectType type, int objectCount) => Events.Add($"observed {type.WireType} {objectCount}");

    public void PlanFinished(PlanSummary summary, int changeCount) =>
        Events.Add($"planned {changeCount}: +{summary.Add} ~{summary.Change} -{summary.Destroy}");
}
