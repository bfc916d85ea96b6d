namespace PamOperator.Simulators.Fudo;

/// <summary>
/// The simulator kit's <see cref="Common.FaultSettings"/> under the name Fudo callers have always used (adds nothing),
/// so <c>using PamOperator.Simulators.Fudo;</c> keeps compiling. Faults apply to <c>/api/v2/*</c> only.
/// </summary>
public sealed record FaultSettings : Common.FaultSettings
{
    public FaultSettings()
    {
    }

    /// <summary>A copy of the kit's settings (what <see cref="FudoSimulator.Faults"/> returns).</summary>
    public FaultSettings(Common.FaultSettings settings)
        : base(settings)
    {
    }
}
