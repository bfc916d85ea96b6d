namespace PamOperator.Core.Vendors;

/// <summary>How to start a simulator.</summary>
/// <param name="Listen">Loopback address and port, e.g. <c>127.0.0.1:0</c> (0 = any free port).</param>
/// <param name="DatabasePath">SQLite file of its state; null = in memory.</param>
/// <param name="Tls">Serve HTTPS with a generated CA.</param>
/// <param name="Flags">Values of the simulator's own <see cref="IVendorSimulatorFactory.Flags"/> that were given
/// (switches as <c>"true"</c>).</param>
public sealed record SimulatorLaunch(
    string Listen,
    string? DatabasePath,
    bool Tls = false,
    IReadOnlyDictionary<string, string>? Flags = null)
{
    /// <summary>A flag's value, or null when not given.</summary>
    public string? Flag(string name) => Flags?.GetValueOrDefault(name);
}
