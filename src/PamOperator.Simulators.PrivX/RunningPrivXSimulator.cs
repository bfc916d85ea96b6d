using PamOperator.Core.Vendors;

namespace PamOperator.Simulators.PrivX;

/// <summary>A started <see cref="PrivXSimulator"/> behind the vendor-neutral simulator contract.</summary>
internal sealed class RunningPrivXSimulator(PrivXSimulator simulator, bool generated) : IVendorSimulator
{
    public Uri BaseAddress => simulator.BaseAddress;

    public string Credentials => simulator.Credentials;

    public string? CaFile => simulator.CaCertificatePath;

    public IReadOnlyList<string> Describe() =>
    [
        $"SSH PrivX simulator ({(simulator.Options.DatabasePath is null ? "in memory" : $"database {simulator.Options.DatabasePath}")}); "
        + $"OAuth client id {simulator.Options.ClientId}, API client id {simulator.Options.User}.",
        generated
            ? "Secrets were generated and are not shown: pass --client-secret and --password to choose the ones clients use."
            : "Clients authenticate with the client secret and password given on the command line.",
    ];

    public ValueTask DisposeAsync() => simulator.DisposeAsync();
}
