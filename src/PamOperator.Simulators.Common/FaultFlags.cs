using System.Globalization;

namespace PamOperator.Simulators.Common;

/// <summary>
/// The command-line spelling of <see cref="FaultSettings"/> shared by vendor simulators (<c>--latency-ms</c>,
/// <c>--fail-nth-write</c>, ...): the flag names with their help, and the settings a set of given flags asks for. A
/// value that is not a number is an <see cref="ArgumentException"/> naming the flag.
/// </summary>
public static class FaultFlags
{
    /// <summary>Flag name (no dashes) and help text, in the order the help lists them.</summary>
    public static IReadOnlyList<(string Name, string Description)> All { get; } =
    [
        ("latency-ms", "Delay added to every API request."),
        ("failure-rate", "Probability 0..1 that a request fails with --failure-status."),
        ("failure-status", "Status of injected failures (5xx; default 503)."),
        ("random-seed", "Seed for --failure-rate (reproducible runs)."),
        ("fail-next", "The next N requests fail with --failure-status."),
        ("fail-nth-write", "The Nth write (POST/PUT/PATCH/DELETE) fails with 500."),
        ("rate-limit-429", "Requests per second above which answers are 429 with Retry-After."),
        ("rate-limit-next", "The next N requests get 429 with Retry-After."),
        ("retry-after", "Retry-After seconds on 429 (default 1)."),
        ("drop-next", "The next N requests have their connection dropped."),
        ("timeout-next", "The next N requests hang for --timeout-ms, then get 504."),
        ("timeout-ms", "How long a timed-out request hangs (default 30000)."),
    ];

    /// <summary>The settings <paramref name="flag"/> (a flag's value by name, null when not given) asks for.</summary>
    public static FaultSettings Parse(Func<string, string?> flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return new FaultSettings
        {
            LatencyMs = Int(flag, "latency-ms") ?? 0,
            FailureRate = flag("failure-rate") is not { } rate ? 0
                : double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? r
                : throw new ArgumentException($"--failure-rate: '{rate}' is not a number"),
            FailureStatusCode = Int(flag, "failure-status") ?? 503,
            RandomSeed = Int(flag, "random-seed"),
            FailNextRequests = Int(flag, "fail-next") ?? 0,
            FailNthWrite = Int(flag, "fail-nth-write"),
            RateLimitPerSecond = Int(flag, "rate-limit-429"),
            RateLimitNextRequests = Int(flag, "rate-limit-next") ?? 0,
            RetryAfterSeconds = Int(flag, "retry-after") ?? 1,
            DropNextRequests = Int(flag, "drop-next") ?? 0,
            TimeoutNextRequests = Int(flag, "timeout-next") ?? 0,
            TimeoutHoldMs = Int(flag, "timeout-ms") ?? 30000,
        };
    }

    /// <summary>A whole-number flag, null when not given.</summary>
    public static int? Int(Func<string, string?> flag, string name)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return flag(name) is not { } text ? null
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ArgumentException($"--{name}: '{text}' is not a whole number");
    }
}
