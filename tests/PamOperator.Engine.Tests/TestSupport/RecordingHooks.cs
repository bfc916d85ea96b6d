using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;
using PamOperator.Engine.Hooks;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>Hooks that write each event as one line, to assert on order and content.</summary>
internal sealed class RecordingHooks : IPlanHooks
{
    public List<string> Events { get; } = [];

    private readonly Lock _gate = new();

    public void ObserveStarted(string pam, IReadOnlyList<ObjectType> types) => Add($"observe {string.Join(",", types.Select(t => t.WireType))}");

    public void ObjectsRead(string pam, ObjectType type, int count) => Add($"read {type.WireType} {count}");

    public void ObserveFinished(string pam, ObjectType type, int objectCount) => Add($"observed {type.WireType} {objectCount}");

    public void ObserveFailed(string pam, Diagnostic failure) => Add($"failed {failure.Code}");

    public void PlanFinished(string pam, PlanSummary summary, int changeCount) =>
        Add($"planned {changeCount}: +{summary.Add} ~{summary.Change} -{summary.Destroy}");

    private void Add(string line)
    {
        lock (_gate)
        {
            Events.Add(line);
        }
    }
}
