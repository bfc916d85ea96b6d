using PamOperator.Core.Vendors;
using PamOperator.Engine.Runs;

namespace PamOperator.Cli.Targets;

/// <summary>The PAMs of one run, opened: their targets and what this run started for them (embedded simulators and
/// the lock on their state). Dispose to close every connection, stop the simulators and release the lock.</summary>
public sealed class OpenTargets(IReadOnlyList<PamTarget> targets, IReadOnlyList<IVendorSimulator> simulators, IDisposable? stateLock = null)
    : IAsyncDisposable
{
    public IReadOnlyList<PamTarget> Targets { get; } = targets;

    /// <summary>True when a target is an embedded simulator.</summary>
    public bool AnyEmbedded => simulators.Count > 0;

    public async ValueTask DisposeAsync()
    {
        foreach (var target in Targets)
        {
            await target.Connection.DisposeAsync();
        }

        foreach (var simulator in simulators)
        {
            await simulator.DisposeAsync();
        }

        stateLock?.Dispose();
    }
}
