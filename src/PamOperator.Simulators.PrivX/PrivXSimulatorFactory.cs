using System.Globalization;
using PamOperator.Core.Vendors;
using PamOperator.Simulators.Common;

namespace PamOperator.Simulators.PrivX;

/// <summary>
/// Starts the PrivX simulator for <c>pamctl simulator --vendor privx</c> and the embedded default. A bad flag value is
/// an <see cref="ArgumentException"/> naming the flag.
/// </summary>
public sealed class PrivXSimulatorFactory : IVendorSimulatorFactory
{
    public string Vendor => "privx";

    public IReadOnlyList<SimulatorFlag> Flags { get; } =
    [
        new("client-id", "OAuth client id (default privx-external)."),
        new("client-secret", "OAuth client secret (default: generated)."),
        new("user", "API client id, the password grant's username (default pamctl-api)."),
        new("password", "API client secret, the password grant's password (default: generated)."),
        new("token-lifetime-s", "Seconds an access token lives (default 300)."),
        new("fixtures", "Fixtures JSON (roles, hosts, connections) loaded into a new database (default: built-in set)."),
        new("default-limit", "List page size without limit= (default 50)."),
        new("max-limit", "Largest accepted limit= (default 1000)."),
        new("latency-ms", "Delay added to every API request."),
        new("fail-nth-write", "The Nth write (grant, revoke, tags, trail session) fails with 500."),
    ];

    public async Task<IVendorSimulator> StartAsync(SimulatorLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var simulator = await PrivXSimulator.StartAsync(ToOptions(launch), cancellationToken).ConfigureAwait(false);
        return new RunningPrivXSimulator(simulator, launch.Flag("client-secret") is null || launch.Flag("password") is null);
    }

    public static PrivXSimulatorOptions ToOptions(SimulatorLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var defaults = new PrivXSimulatorOptions();
        return new PrivXSimulatorOptions
        {
            Listen = launch.Listen,
            DatabasePath = launch.DatabasePath,
            Tls = launch.Tls,
            ClientId = launch.Flag("client-id") ?? defaults.ClientId,
            ClientSecret = launch.Flag("client-secret"),
            User = launch.Flag("user") ?? defaults.User,
            Password = launch.Flag("password"),
            TokenLifetime = TimeSpan.FromSeconds(Int(launch, "token-lifetime-s", (int)defaults.TokenLifetime.TotalSeconds)),
            SeedFile = launch.Flag("fixtures"),
            DefaultLimit = Int(launch, "default-limit", defaults.DefaultLimit),
            MaxLimit = Int(launch, "max-limit", defaults.MaxLimit),
            Faults = new FaultSettings
            {
                LatencyMs = Int(launch, "latency-ms", 0),
                FailNthWrite = launch.Flag("fail-nth-write") is null ? null : Int(launch, "fail-nth-write", 0),
            },
        };
    }

    private static int Int(SimulatorLaunch launch, string flag, int fallback) =>
        launch.Flag(flag) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"--{flag}: '{text}' is not a whole number");
}
