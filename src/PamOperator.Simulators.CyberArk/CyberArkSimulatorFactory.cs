using System.Globalization;
using PamOperator.Core.Vendors;

namespace PamOperator.Simulators.CyberArk;

/// <summary>
/// Starts the CyberArk PVWA simulator for <c>pamctl simulator --vendor cyberark --user U --password P</c> and the
/// embedded default. The credential it hands to clients is <c>USER:PASSWORD</c> (what the CyberArk module's
/// ProviderConfig credential holds); bad flag values are an <see cref="ArgumentException"/> naming the flag.
/// </summary>
public sealed class CyberArkSimulatorFactory : IVendorSimulatorFactory
{
    public string Vendor => "cyberark";

    public IReadOnlyList<SimulatorFlag> Flags { get; } =
    [
        new("user", "The administrator's user name (default Administrator)."),
        new("password", "The administrator's password (default: generated and printed).", IsCredential: true),
        new("token-minutes", "How long a logon token stays valid (default 20)."),
        new("confirmations", "Level-1 confirmations an access request needs (default 1)."),
        new("fail-nth-write", "The Nth write (POST/PUT/PATCH/DELETE, logon excluded) fails with 500."),
        new("latency-ms", "Delay added to every API request."),
    ];

    public async Task<IVendorSimulator> StartAsync(SimulatorLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var options = new CyberArkSimulatorOptions
        {
            Listen = launch.Listen,
            DatabasePath = launch.DatabasePath,
            Tls = launch.Tls,
            UserName = launch.Flag("user") ?? "Administrator",
            Password = launch.Flag("password"),
            TokenLifetime = TimeSpan.FromMinutes(Int(launch, "token-minutes", 20, 1)),
            Level1Confirmations = Int(launch, "confirmations", 1, 1),
            Faults = new()
            {
                FailNthWrite = launch.Flag("fail-nth-write") is null ? null : Int(launch, "fail-nth-write", 0, 1),
                LatencyMs = Int(launch, "latency-ms", 0, 0),
            },
        };
        var simulator = await CyberArkSimulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new RunningCyberArkSimulator(simulator, options);
    }

    private static int Int(SimulatorLaunch launch, string flag, int fallback, int minimum) =>
        launch.Flag(flag) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value
        : throw new ArgumentException($"--{flag}: '{text}' is not a whole number of at least {minimum}");
}

/// <summary>A started <see cref="CyberArkSimulator"/> behind the vendor-neutral simulator contract.</summary>
internal sealed class RunningCyberArkSimulator(CyberArkSimulator simulator, CyberArkSimulatorOptions options) : IVendorSimulator
{
    public Uri BaseAddress => new(simulator.BaseAddress, "PasswordVault/");

    public string Credentials => $"{simulator.UserName}:{simulator.Password}";

    public string? CaFile => simulator.CaCertificatePath;

    public IReadOnlyList<string> Describe() =>
    [
        $"CyberArk PVWA simulator ({(options.DatabasePath is null ? "in memory" : $"database {options.DatabasePath}")}), API under /PasswordVault/API/.",
        $"Log on as {simulator.UserName}: POST /PasswordVault/API/Auth/CyberArk/Logon, then send the token raw in Authorization.",
    ];

    public ValueTask DisposeAsync() => simulator.DisposeAsync();
}
