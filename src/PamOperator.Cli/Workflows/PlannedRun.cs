using PamOperator.Cli.Targets;
using PamOperator.Engine.Runs;
using PamOperator.Manifests;

namespace PamOperator.Cli.Workflows;

/// <summary>
/// A run's plan (a section per PAM) together with what it was made from. Owns the open targets (dispose the run to
/// close the connections and stop embedded simulators).
/// </summary>
public sealed class PlannedRun(ManifestReadResult read, OpenTargets targets, RunPlan plan) : IAsyncDisposable
{
    public ManifestReadResult Read { get; } = read;

    public OpenTargets Targets { get; } = targets;

    public RunPlan Plan { get; } = plan;

    /// <summary>The targeting of a targeted plan (<c>--target</c>, <c>-l</c>); null for a plan of everything.</summary>
    public Engine.Targeting.PlanSelection? Selection { get; init; }

    public ValueTask DisposeAsync() => Targets.DisposeAsync();
}
