using PamOperator.Core.Providers;

namespace PamOperator.Providers.Http;

/// <summary>
/// How one vendor client talks HTTP to one PAM (one ProviderConfig). Read once when the <see cref="PamHttpClient"/> is
/// made; every member has a safe default. Holds no credential: headers such as an API key are given to the client
/// separately, so printing these options never prints a secret.
/// </summary>
public sealed record PamHttpOptions
{
    /// <summary>Base address of the PAM (scheme, host, port, optional base path ending in <c>/</c>). Messages show only
    /// its host, never userinfo or query.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Lower-case vendor label given to the <see cref="CallObserver"/> and used in messages, e.g. <c>fudo</c>.</summary>
    public required string Vendor { get; init; }

    /// <summary>Time allowed for one attempt, from sending the request to the end of its body. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest answer body read, in bytes (after decompression); a larger one is a
    /// <see cref="ApiErrorKind.LimitExceeded"/> failure and is never read past the limit. Default 64 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Retries of a read after a transient failure (no answer, timeout, 408, 425, 429, 5xx). Writes are never
    /// retried here. Default 4.</summary>
    public int MaxReadRetries { get; init; } = 4;

    /// <summary>First retry delay; doubles each attempt, with jitter. A <c>Retry-After</c> header wins. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest <c>Retry-After</c> honoured; a longer one is cut to this. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests per second across every call of the client (token bucket). Default 20.</summary>
    public double RequestsPerSecond { get; init; } = 20;

    /// <summary>Requests that may go at once before the rate applies. Default 40.</summary>
    public int Burst { get; init; } = 40;

    /// <summary>PEM file of extra trusted CA certificates; null = system trust. The host name is verified either way.</summary>
    public string? CaFile { get; init; }

    /// <summary>Skip every certificate check. Only by explicit choice in the ProviderConfig. Default false.</summary>
    public bool InsecureSkipVerify { get; init; }

    /// <summary>Most pages one list may have; a list still going after them is a
    /// <see cref="ApiErrorKind.LimitExceeded"/> failure. Default 1000 (a million objects at 1000 per page).</summary>
    public int MaxPages { get; init; } = 1000;

    /// <summary>Time allowed for a whole observe (every list of a run). Default 10 minutes.</summary>
    public TimeSpan ObserveDeadline { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Connections kept to the PAM at once. Default 32.</summary>
    public int MaxConnections { get; init; } = 32;

    /// <summary>Told about every attempt (retries included) with <see cref="Vendor"/>, the method and the status
    /// (0 = no answer). Null = nobody listens. Default null.</summary>
    public IApiCallObserver? CallObserver { get; init; }

    public override string ToString() => $"PamHttpOptions {{ Vendor = {Vendor}, Endpoint = {SafeUrl.Describe(Endpoint)} }}";
}
