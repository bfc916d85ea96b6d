using PamOperator.Core.Vendors;

namespace PamOperator.Cli.Targets;

/// <summary>
/// The embedded default: with no ProviderConfig in the input, commands run against an in-process simulator of the
/// manifests' vendor on 127.0.0.1, whose state persists in <c>.pamctl/VENDOR-simulator.db</c> under the current
/// directory (one per vendor, so a directory with two vendors' manifests gets two embedded PAMs).
/// </summary>
public static class EmbeddedSimulator
{
    public const string StateDirectory = ".pamctl";

    /// <summary>The state file of <paramref name="vendor"/>'s embedded simulator, relative to the working directory.</summary>
    public static string DatabaseFile(string vendor) => $"{vendor}-simulator.db";

    /// <summary>The name of the embedded PAM's section in plans (<c>embedded-fudo</c>).</summary>
    public static string SectionName(string vendor) => $"embedded-{vendor}";

    /// <summary>What saved plans record as the target: stable across runs although the port changes.</summary>
    public static string TargetIdentity(string vendor) => $"embedded {vendor} simulator";

    /// <summary>The notice printed (to stderr) whenever an embedded simulator is used.</summary>
    public static string Notice(IVendorModule module) =>
        $"pamctl: no ProviderConfig in the input: using the EMBEDDED {module.DisplayName} simulator (state in "
        + $"{Path.Combine(StateDirectory, DatabaseFile(module.Vendor))}); nothing is sent to a real PAM.";

    /// <summary>Starts the simulator over the state file under <paramref name="workingDirectory"/>, creating it on first use.</summary>
    public static Task<IVendorSimulator> StartAsync(IVendorSimulatorFactory factory, string workingDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Directory.CreateDirectory(Path.Combine(workingDirectory, StateDirectory));
        return factory.StartAsync(new SimulatorLaunch("127.0.0.1:0", DatabasePath(workingDirectory, factory.Vendor)), cancellationToken);
    }

    public static string DatabasePath(string workingDirectory, string vendor) =>
        Path.Combine(workingDirectory, StateDirectory, DatabaseFile(vendor));
}
