namespace PamOperator.Engine.Views.PlanFileModel;

/// <summary>The saved plan file's top level (serialized form only; see <see cref="PlanFile"/>): one section per PAM.</summary>
internal sealed record PlanFileDocument
{
    public required int FormatVersion { get; init; }

    public required IReadOnlyList<PlanFileSection> Pams { get; init; }

    /// <summary>The targeting the plan was made with (absent for a plan of everything).</summary>
    public Targeting.PlanSelection? Selection { get; init; }
}
