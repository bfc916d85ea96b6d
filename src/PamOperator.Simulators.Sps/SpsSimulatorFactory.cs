using PamOperator.Core.Vendors;

namespace PamOperator.Simulators.Sps;

/// <summary>
/// Starts the SPS simulator for <c>pamctl simulator --vendor sps</c> and the embedded default. The credential a client
/// connects with is <c>USER:PASSWORD</c> (the REST user's HTTP Basic pair). Values are checked here; a bad one is an
/// <see cref="ArgumentException"/> naming the flag.
/// </summary>
public sealed class SpsSimulatorFactory : IVendorSimulatorFactory
{
    public string Vendor => "sps";

    public IReadOnlyList<SimulatorFlag> Flags { get; } =
    [
        new("user", "REST user clients log on as (default admin)."),
        new("password", "That user's password (default: generated and printed).", IsCredential: true),
        new("session-timeout", "Seconds without a request after which a session ends (default 1200)."),
        new("transaction-timeout", "Seconds without a request from its session after which an open transaction is rolled back (default 600)."),
        new("auto-open-transaction", "SPS 6.9+: the first change opens a transaction (default 5.7: 409 NoTransaction).", IsSwitch: true),
        .. Common.FaultFlags.All.Select(f => new SimulatorFlag(f.Name, f.Description)),
    ];

    public async Task<IVendorSimulator> StartAsync(SimulatorLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var options = ToOptions(launch);
        var simulator = await SpsSimulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new RunningSpsSimulator(simulator, options);
    }

    /// <summary>The simulator options the launch asks for.</summary>
    public static SpsSimulatorOptions ToOptions(SimulatorLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        return new SpsSimulatorOptions
        {
            Listen = launch.Listen,
            DatabasePath = launch.DatabasePath,
            Tls = launch.Tls,
            User = launch.Flag("user") ?? "admin",
            Password = launch.Flag("password"),
            SessionIdleTimeout = TimeSpan.FromSeconds(FaultFlags.Int(launch.Flag, "session-timeout") ?? 1200),
            TransactionTimeout = TimeSpan.FromSeconds(FaultFlags.Int(launch.Flag, "transaction-timeout") ?? 600),
            AutoOpenTransaction = launch.Flag("auto-open-transaction") is "true",
            Faults = FaultFlags.Parse(launch.Flag),
        };
    }
}
