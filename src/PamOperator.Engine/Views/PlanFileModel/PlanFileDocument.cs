using PamOperator.Core.Diagnostics;

namespace PamOperator.Engine.Views.PlanFileModel;

/// <summary>The saved plan file's top level (serialized form only; see <see cref="PlanFile"/>).</summary>
internal sealed record PlanFileDocument
{
    public required int FormatVersion { get; init; }

    public required PlanFileFingerprint Fingerprint { get; init; }

    /// <summary>The PAM the plan was made for (<see cref="Plans.Plan.Target"/>).</summary>
    public string? Target { get; init; }

    public required IReadOnlyList<PlanFileChange> Changes { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
