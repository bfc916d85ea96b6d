namespace PamOperator.Core.Vendors;

/// <summary>
/// Starts a vendor's simulator (for <c>pamctl simulator --vendor X</c> and the embedded default). Implemented in the
/// vendor's simulator project, which shares no code with its client; paired with the module in one registration line.
/// </summary>
public interface IVendorSimulatorFactory
{
    /// <summary>The vendor simulated; equals its module's <see cref="IVendorModule.Vendor"/>.</summary>
    string Vendor { get; }

    /// <summary>The command-line flags this simulator takes beyond the common ones (name without dashes, help text).</summary>
    IReadOnlyList<SimulatorFlag> Flags { get; }

    /// <summary>Starts listening on loopback. Throws <see cref="ArgumentException"/> for invalid options and
    /// <see cref="IOException"/> when the address cannot be bound.</summary>
    Task<IVendorSimulator> StartAsync(SimulatorLaunch launch, CancellationToken cancellationToken);
}
