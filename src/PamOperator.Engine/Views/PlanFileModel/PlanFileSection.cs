using PamOperator.Core.Diagnostics;

namespace PamOperator.Engine.Views.PlanFileModel;

/// <summary>One PAM's part of a saved plan file (serialized form only; see <see cref="PlanFile"/>).</summary>
internal sealed record PlanFileSection
{
    /// <summary>The ProviderConfig's name (or <c>embedded-VENDOR</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The PAM the plan was made for (<see cref="Plans.Plan.Target"/>).</summary>
    public string? Target { get; init; }

    public required PlanFileFingerprint Fingerprint { get; init; }

    public required IReadOnlyList<PlanFileChange> Changes { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
