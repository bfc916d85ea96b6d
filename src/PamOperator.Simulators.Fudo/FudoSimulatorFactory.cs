using System.Globalization;
using PamOperator.Core.Vendors;

namespace PamOperator.Simulators.Fudo;

/// <summary>
/// Starts the Fudo simulator for <c>pamctl simulator --vendor fudo</c> and the embedded default. Its flags are the
/// simulator's options spelled as before vendors became modules (<c>--api-key</c>, <c>--seed</c>, the fault flags, the
/// compatibility flags); values are checked here and a bad one is an <see cref="ArgumentException"/> naming the flag.
/// </summary>
public sealed class FudoSimulatorFactory : IVendorSimulatorFactory
{
    public string Vendor => "fudo";

    public IReadOnlyList<SimulatorFlag> Flags { get; } =
    [
        new("api-key", "API key clients send in Authorization (default: generated and printed).", IsCredential: true),
        new("seed", "Fixtures YAML loaded into a new database (default: built-in set)."),
        new("latency-ms", "Delay added to every API request."),
        new("failure-rate", "Probability 0..1 that a request fails with --failure-status."),
        new("failure-status", "Status of injected failures (5xx; default 503)."),
        new("random-seed", "Seed for --failure-rate (reproducible runs)."),
        new("fail-next", "The next N requests fail with --failure-status."),
        new("fail-nth-write", "The Nth write (POST/PATCH/DELETE, batch entries count) fails with 500."),
        new("rate-limit-429", "Requests per second above which answers are 429 with Retry-After."),
        new("rate-limit-next", "The next N requests get 429 with Retry-After."),
        new("retry-after", "Retry-After seconds on 429 (default 1)."),
        new("drop-next", "The next N requests have their connection dropped."),
        new("timeout-next", "The next N requests hang for --timeout-ms, then get 504."),
        new("timeout-ms", "How long a timed-out request hangs (default 30000)."),
        new("default-limit", "List page size without limit= (default 1000)."),
        new("max-limit", "Largest accepted limit= (default 10000)."),
        new("batch-atomic", "Supported (5.4+, default), Rejected or Ignored (5.3)."),
        new("error-layout", "ResultMessage (default), ResultError or PlainText."),
        new("tombstones", "DELETE keeps removed rows (removed: true).", IsSwitch: true),
    ];

    public async Task<IVendorSimulator> StartAsync(SimulatorLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var options = ToOptions(launch);
        var simulator = await FudoSimulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new RunningFudoSimulator(simulator, options);
    }

    /// <summary>The simulator options the launch asks for.</summary>
    public static FudoSimulatorOptions ToOptions(SimulatorLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        return new FudoSimulatorOptions
        {
            Listen = launch.Listen,
            DatabasePath = launch.DatabasePath,
            Tls = launch.Tls,
            ApiKey = launch.Flag("api-key"),
            SeedFile = launch.Flag("seed"),
            Faults = new FaultSettings
            {
                LatencyMs = Int(launch, "latency-ms", 0),
                FailureRate = Double(launch, "failure-rate", 0),
                FailureStatusCode = Int(launch, "failure-status", 503),
                RandomSeed = launch.Flag("random-seed") is null ? null : Int(launch, "random-seed", 0),
                FailNextRequests = Int(launch, "fail-next", 0),
                FailNthWrite = launch.Flag("fail-nth-write") is null ? null : Int(launch, "fail-nth-write", 0),
                RateLimitPerSecond = launch.Flag("rate-limit-429") is null ? null : Int(launch, "rate-limit-429", 0),
                RateLimitNextRequests = Int(launch, "rate-limit-next", 0),
                RetryAfterSeconds = Int(launch, "retry-after", 1),
                DropNextRequests = Int(launch, "drop-next", 0),
                TimeoutNextRequests = Int(launch, "timeout-next", 0),
                TimeoutHoldMs = Int(launch, "timeout-ms", 30000),
            },
            Compatibility = new FudoCompatibility
            {
                DefaultLimit = Int(launch, "default-limit", 1000),
                MaxLimit = Int(launch, "max-limit", 10000),
                BatchAtomic = Enum(launch, "batch-atomic", BatchAtomicSupport.Supported),
                ErrorLayout = Enum(launch, "error-layout", FudoErrorLayout.ResultMessage),
                DeleteLeavesTombstone = launch.Flag("tombstones") is "true",
            },
        };
    }

    private static int Int(SimulatorLaunch launch, string flag, int fallback) =>
        launch.Flag(flag) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"--{flag}: '{text}' is not a whole number");

    private static double Double(SimulatorLaunch launch, string flag, double fallback) =>
        launch.Flag(flag) is not { } text ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"--{flag}: '{text}' is not a number");

    private static T Enum<T>(SimulatorLaunch launch, string flag, T fallback)
        where T : struct, System.Enum =>
        launch.Flag(flag) is not { } text ? fallback
        : System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value
        : throw new ArgumentException($"--{flag}: '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
}
