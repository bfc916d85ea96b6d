using PamOperator.Simulators.Common;

namespace PamOperator.Simulators.PrivX;

/// <summary>
/// How to start a <see cref="PrivXSimulator"/>. Every member has a default: <c>new PrivXSimulatorOptions()</c> listens on
/// a free loopback port over plain HTTP, in memory, with the built-in fixtures and generated client and user secrets.
/// </summary>
public sealed record PrivXSimulatorOptions
{
    /// <summary><c>host:port</c> on loopback; port 0 picks a free one.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>SQLite file of the state (created 0600); null = in memory.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Serve HTTPS with a generated CA (see the kit).</summary>
    public bool Tls { get; init; }

    /// <summary>The OAuth client id sent in the token request's Basic header. Default <c>privx-external</c>.</summary>
    public string ClientId { get; init; } = "privx-external";

    /// <summary>The OAuth client secret; null = generated.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The API client id (the password grant's <c>username</c>). Default <c>pamctl-api</c>.</summary>
    public string User { get; init; } = "pamctl-api";

    /// <summary>The API client secret (the password grant's <c>password</c>); null = generated.</summary>
    public string? Password { get; init; }

    /// <summary>Fixtures JSON loaded into a new (empty) database; null = the built-in set.</summary>
    public string? SeedFile { get; init; }

    /// <summary>Lifetime of an access token (<c>expires_in</c>). Default 300 s.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Page size without <c>limit</c> (the seed's documented default is 50).</summary>
    public int DefaultLimit { get; init; } = 50;

    /// <summary>Largest accepted <c>limit</c> (unknown for connections; the role store documents 1000). Above: 400.</summary>
    public int MaxLimit { get; init; } = 1000;

    /// <summary>Largest accepted request body of the API. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    public FaultSettings Faults { get; init; } = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Readable problems; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ClientId) || ClientId.Contains(':', StringComparison.Ordinal))
        {
            problems.Add("--client-id must be non-empty and hold no ':'");
        }

        if (string.IsNullOrWhiteSpace(User))
        {
            problems.Add("--user must be non-empty");
        }

        if (ClientSecret is { Length: 0 } || Password is { Length: 0 })
        {
            problems.Add("--client-secret and --password must be non-empty when given");
        }

        if (TokenLifetime <= TimeSpan.Zero)
        {
            problems.Add("--token-lifetime-s must be at least 1");
        }

        if (DefaultLimit < 1 || MaxLimit < DefaultLimit)
        {
            problems.Add("--default-limit must be at least 1 and --max-limit at least --default-limit");
        }

        if (SeedFile is not null && !File.Exists(SeedFile))
        {
            problems.Add($"--seed {SeedFile}: no such file");
        }

        return problems;
    }
}
