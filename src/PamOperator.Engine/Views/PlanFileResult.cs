using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views;

/// <summary>A plan read back from a plan file (or rebound to manifests), or the diagnostics saying why not.</summary>
public sealed record PlanFileResult(Plan? Plan, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Every PAM's section by name, in file order (the first is <see cref="Plan"/>); empty on failure.</summary>
    public IReadOnlyList<SavedSection> Sections { get; init; } = Plan is null ? [] : [new SavedSection("default", Plan)];

    /// <summary>The targeting the saved plan was made with; null for a plan of everything.</summary>
    public Targeting.PlanSelection? Selection { get; init; }

    public bool Succeeded => Plan is not null && Diagnostics.All(d => d.Severity != Severity.Error);
}
