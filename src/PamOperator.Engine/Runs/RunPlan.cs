using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Runs;

/// <summary>
/// The plan of one run: a section per PAM (in the order of their ProviderConfigs' names), with the verdicts CI keys on
/// taken over all of them.
/// </summary>
public sealed record RunPlan(IReadOnlyList<PamPlan> Pams)
{
    public bool HasErrors => Pams.Any(p => p.Plan.HasErrors);

    public bool HasChanges => Pams.Any(p => p.Plan.HasChanges);

    public bool HasDrift => Pams.Any(p => p.Plan.HasDrift);

    public PlanSummary Summary => PlanSummary.Of(Pams.SelectMany(p => p.Plan.Changes));

    public IEnumerable<Diagnostic> Diagnostics => Pams.SelectMany(p => p.Plan.Diagnostics);

    /// <summary>The section of <paramref name="name"/>; null when the run has none.</summary>
    public PamPlan? Find(string name) => Pams.FirstOrDefault(p => p.Target.Name == name);
}
