using PamOperator.Core.Diagnostics;

namespace PamOperator.Engine.Views;

/// <summary>How <see cref="RunPlanView"/> renders a run's plan.</summary>
public sealed record PlanViewOptions
{
    /// <summary>ANSI colour in the text view. Default off (on only for a terminal).</summary>
    public bool Color { get; init; }

    /// <summary>Diagnostics of reading the input (its warnings: a plan exists only when it had no error), shown in the
    /// JSON and markdown views with the plan's own. Default none.</summary>
    public IReadOnlyList<Diagnostic> InputDiagnostics { get; init; } = [];

    /// <summary>The saved plan file (<c>--out</c>) a summarised markdown plan points to for the whole. Default none.</summary>
    public string? FullPlanArtifact { get; init; }
}
