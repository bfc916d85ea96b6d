using PamOperator.Core.Vendors;

namespace PamOperator.Simulators.Sps;

/// <summary>A started <see cref="SpsSimulator"/> behind the vendor-neutral simulator contract; its credential is
/// <c>USER:PASSWORD</c>.</summary>
internal sealed class RunningSpsSimulator(SpsSimulator simulator, SpsSimulatorOptions options) : IVendorSimulator
{
    public Uri BaseAddress => simulator.BaseAddress;

    public string Credentials => $"{simulator.User}:{simulator.Password}";

    public string? CaFile => simulator.CaCertificatePath;

    public IReadOnlyList<string> Describe() =>
    [
        $"One Identity SPS 5.7 REST simulator, user {simulator.User} ({(options.DatabasePath is null ? "in memory" : $"database {options.DatabasePath}")}).",
    ];

    public ValueTask DisposeAsync() => simulator.DisposeAsync();
}
