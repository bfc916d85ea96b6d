using PamOperator.Core.Vendors;

namespace PamOperator.Simulators.Fudo;

/// <summary>A started <see cref="FudoSimulator"/> behind the vendor-neutral simulator contract.</summary>
internal sealed class RunningFudoSimulator(FudoSimulator simulator, FudoSimulatorOptions options) : IVendorSimulator
{
    public Uri BaseAddress => simulator.BaseAddress;

    public string Credentials => simulator.ApiKey;

    public string? CaFile => simulator.CaCertificatePath;

    public IReadOnlyList<string> Describe() =>
    [
        $"Fudo PAM API v2 simulator ({(options.DatabasePath is null ? "in memory" : $"database {options.DatabasePath}")}).",
    ];

    public ValueTask DisposeAsync() => simulator.DisposeAsync();
}
