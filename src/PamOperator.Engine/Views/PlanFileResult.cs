using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views;

/// <summary>A plan read back from a plan file (or rebound to manifests), or the diagnostics saying why not.</summary>
public sealed record PlanFileResult(Plan? Plan, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Plan is not null && Diagnostics.All(d => d.Severity != Severity.Error);
}
