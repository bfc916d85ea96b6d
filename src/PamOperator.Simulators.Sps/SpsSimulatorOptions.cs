namespace PamOperator.Simulators.Sps;

/// <summary>How to run the SPS simulator. Every member has a default: an in-memory appliance on a free port of
/// 127.0.0.1 over plain HTTP, REST user <c>admin</c> with a generated password.</summary>
public sealed record SpsSimulatorOptions
{
    /// <summary><c>host:port</c> on loopback; port 0 picks a free one.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>SQLite file holding the committed configuration across restarts (mode 0600); null = in memory. An open
    /// transaction lives in memory only: a restart rolls it back, as a reboot of the appliance would.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Serve HTTPS with a generated CA (see <see cref="SimulatorHostOptions.Tls"/>).</summary>
    public bool Tls { get; init; }

    /// <summary>Where the CA file goes with <see cref="Tls"/>; null = next to the database or a temporary folder.</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>The REST user that may always log on (Basic). Default <c>admin</c>. Local users created through the API
    /// may log on with their own password too.</summary>
    public string User { get; init; } = "admin";

    /// <summary>That user's password; null = generated at start (reported by <see cref="SpsSimulator.Password"/>).</summary>
    public string? Password { get; init; }

    /// <summary>A session ends after this long without a request (SPS: 20 minutes).</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>An open transaction is rolled back, and its session ended, after this long without a request from its
    /// session (<c>remaining_seconds</c> counts down to it). Default 10 minutes.</summary>
    public TimeSpan TransactionTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>SPS 6.9+: the first configuration change opens a transaction. False (default) is 5.7: a change without
    /// an open transaction is <c>409 NoTransaction</c>.</summary>
    public bool AutoOpenTransaction { get; init; }

    /// <summary>Faults in effect from the start.</summary>
    public FaultSettings Faults { get; init; } = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Readable problems with these options; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (User.Length == 0 || User.Contains(':', StringComparison.Ordinal))
        {
            problems.Add("the user must be non-empty and hold no ':'");
        }

        if (Password is { Length: 0 })
        {
            problems.Add("the password must not be empty");
        }

        if (SessionIdleTimeout <= TimeSpan.Zero || TransactionTimeout <= TimeSpan.Zero)
        {
            problems.Add("timeouts must be positive");
        }

        return problems;
    }
}
