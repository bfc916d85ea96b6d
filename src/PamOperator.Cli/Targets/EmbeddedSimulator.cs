using PamOperator.Simulators.Fudo;

namespace PamOperator.Cli.Targets;

/// <summary>
/// The embedded default: with no ProviderConfig in the input, commands run against an in-process Fudo simulator on
/// 127.0.0.1 whose state persists in <c>.pamctl/fudo-simulator.db</c> under the current directory.
/// </summary>
public static class EmbeddedSimulator
{
    public const string StateDirectory = ".pamctl";
    public const string DatabaseFile = "fudo-simulator.db";

    /// <summary>The notice printed (to stderr) whenever the embedded simulator is used.</summary>
    public static string Notice(string databasePath) =>
        $"pamctl: no ProviderConfig in the input: using the EMBEDDED Fudo simulator (state in {databasePath}); nothing is sent to a real PAM.";

    /// <summary>Starts the simulator over the state file under <paramref name="workingDirectory"/>, creating it on first use.</summary>
    public static async Task<FudoSimulator> StartAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(workingDirectory, StateDirectory);
        Directory.CreateDirectory(directory);
        return await FudoSimulator.StartAsync(
            new FudoSimulatorOptions { Listen = "127.0.0.1:0", DatabasePath = DatabasePath(workingDirectory) },
            cancellationToken);
    }

    public static string DatabasePath(string workingDirectory) => Path.Combine(workingDirectory, StateDirectory, DatabaseFile);
}
