using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Hooks;
using PamOperator.Engine.Plans;

namespace PamOperator.Cli.Progress;

/// <summary>
/// The progress of every PAM of a run, fed by the engine's hooks (observe and plan here, apply through
/// <see cref="ApplyProgressHooks"/>) and read by the views. Thread-safe: PAMs, types and steps report concurrently.
/// <see cref="Changed"/> is raised after each update, outside the board's lock, with the section's new snapshot.
/// </summary>
public sealed class ProgressBoard : IPlanHooks
{
    private readonly Lock _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, SectionProgress> _sections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _running = new(StringComparer.Ordinal);

    /// <summary>Raised after every update with the updated section.</summary>
    public event Action<SectionProgress>? Changed;

    /// <summary>Every section, in the order they first reported.</summary>
    public IReadOnlyList<SectionProgress> Sections
    {
        get
        {
            lock (_gate)
            {
                return [.. _order.Select(p => _sections[p])];
            }
        }
    }

    /// <summary>Forgets every section (a new phase of the run starts).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _order.Clear();
            _sections.Clear();
            _running.Clear();
        }
    }

    public void ObserveStarted(string pam, IReadOnlyList<ObjectType> types) =>
        Update(pam, _ => new SectionProgress(pam) { KindsTotal = types.Count });

    public void ObjectsRead(string pam, ObjectType type, int count) =>
        Update(pam, s => s with { ObjectsRead = s.ObjectsRead + count });

    public void ObserveFinished(string pam, ObjectType type, int objectCount) => Update(pam, s =>
    {
        var kinds = s.KindsObserved + 1;
        var objects = s.ObjectsObserved + objectCount;
        return s with
        {
            KindsObserved = kinds,
            ObjectsObserved = objects,
            ObjectsRead = Math.Max(s.ObjectsRead, objects),
            Phase = kinds >= s.KindsTotal ? ProgressPhase.Observed : s.Phase,
        };
    });

    public void ObserveFailed(string pam, Diagnostic failure) => Update(pam, s => s with { Phase = ProgressPhase.ObserveFailed });

    public void PlanFinished(string pam, PlanSummary summary, int changeCount)
    {
        // The observe's last type already marked the section observed; planning takes no visible time.
    }

    /// <summary>Hooks that report <paramref name="pam"/>'s apply here, after <paramref name="inner"/> (the step lines).</summary>
    public IApplyHooks ForApply(string pam, IApplyHooks inner) => new ApplyProgressHooks(this, pam, inner);

    internal void ApplyStarted(string pam, int steps) =>
        Update(pam, _ => new SectionProgress(pam) { Phase = steps == 0 ? ProgressPhase.Applied : ProgressPhase.Applying, StepsTotal = steps });

    internal void StepStarted(string pam, string address)
    {
        lock (_gate)
        {
            Running(pam).Add(address);
        }

        Update(pam, s => s with { CurrentStep = address });
    }

    internal void StepFinished(string pam, string address, bool failed)
    {
        string? current;
        lock (_gate)
        {
            var running = Running(pam);
            running.Remove(address);
            current = running.Count > 0 ? running[^1] : null;
        }

        Update(pam, s =>
        {
            var done = s.StepsDone + 1;
            return s with
            {
                StepsDone = done,
                StepsFailed = s.StepsFailed + (failed ? 1 : 0),
                CurrentStep = current,
                Phase = done >= s.StepsTotal ? ProgressPhase.Applied : s.Phase,
            };
        });
    }

    private List<string> Running(string pam)
    {
        if (!_running.TryGetValue(pam, out var running))
        {
            _running[pam] = running = [];
        }

        return running;
    }

    private void Update(string pam, Func<SectionProgress, SectionProgress> change)
    {
        SectionProgress updated;
        lock (_gate)
        {
            if (!_sections.TryGetValue(pam, out var section))
            {
                _order.Add(pam);
                section = new SectionProgress(pam);
            }

            _sections[pam] = updated = change(section);
        }

        Changed?.Invoke(updated);
    }
}
