using PamOperator.Core.Providers;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.Fudo;

/// <summary>
/// How to reach one Fudo PAM. Built from a ProviderConfig (or by the embedded simulator). <see cref="ToString"/>
/// never shows the API key.
/// </summary>
public sealed record FudoClientOptions
{
    /// <summary>Base address of the appliance, e.g. <c>https://fudo.example.com/</c>; the API lives under <c>/api/v2/</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The raw API key sent as <c>Authorization: &lt;key&gt;</c>. Write-only: never logged or printed.</summary>
    public required string ApiKey { get; init; }

    /// <summary>PEM file with extra trusted CA certificates for the appliance's TLS certificate; null = system trust.</summary>
    public string? CaFile { get; init; }

    /// <summary>Skip TLS certificate verification. Only by explicit choice in the ProviderConfig. Default false.</summary>
    public bool InsecureSkipVerify { get; init; }

    /// <summary>Requests per second allowed across every call of this client. Default 20.</summary>
    public double RequestsPerSecond { get; init; } = 20;

    /// <summary>Requests that may go at once before the rate applies. Default 40.</summary>
    public int Burst { get; init; } = 40;

    /// <summary>Objects asked for per list page (<c>limit</c>). Must not exceed the server's maximum. Default 1000.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Retries of a read after a transient failure or 429. Writes are never retried blindly. Default 4.</summary>
    public int MaxReadRetries { get; init; } = 4;

    /// <summary>First retry delay; doubles each attempt, with jitter; a Retry-After header wins. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Per-request timeout. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Apply a plan as one atomic batch (Fudo 5.4+). False for servers without atomic batches (5.3), or to
    /// force step-by-step writes with compensation. Default true.</summary>
    public bool UseAtomicBatch { get; init; } = true;

    /// <summary>Most requests in one atomic batch; a larger plan runs step by step with compensation. Default 500.</summary>
    public int MaxBatchSize { get; init; } = 500;

    /// <summary>Largest answer body read, in bytes; larger is a read-limit failure. Default 64 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most pages one list may have before observe stops with a read-limit failure. Default 1000.</summary>
    public int MaxPages { get; init; } = 1000;

    /// <summary>Time allowed for a whole observe. Default 10 minutes.</summary>
    public TimeSpan ObserveDeadline { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Told about every HTTP attempt (retries included) with vendor <c>fudo</c>, the method and the status
    /// (0 = no answer); never a URL, body or key. Null = nobody listens. Default null.</summary>
    public IApiCallObserver? CallObserver { get; init; }

    /// <summary>The shared HTTP layer's options for these (the API key stays out: it is a header).</summary>
    public PamHttpOptions ToHttpOptions() => new()
    {
        Endpoint = Endpoint,
        Vendor = "fudo",
        RequestTimeout = RequestTimeout,
        MaxBodyBytes = MaxBodyBytes,
        MaxReadRetries = MaxReadRetries,
        RetryBaseDelay = RetryBaseDelay,
        RequestsPerSecond = RequestsPerSecond,
        Burst = Burst,
        CaFile = CaFile,
        InsecureSkipVerify = InsecureSkipVerify,
        MaxPages = MaxPages,
        ObserveDeadline = ObserveDeadline,
        CallObserver = CallObserver,
    };

    public override string ToString() => $"FudoClientOptions {{ Endpoint = {Endpoint}, ApiKey = (sensitive) }}";
}
