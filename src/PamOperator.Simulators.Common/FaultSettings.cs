namespace PamOperator.Simulators.Common;

/// <summary>
/// Misbehaviour on purpose, applied to requests under the vendor's API prefix only (never <c>/_sim</c>). All off by
/// default. Counters ("next N", "Nth write") count from the moment the settings are applied. Checked in this order:
/// latency, drop, timeout, rate limit, fail-next, failure rate; the Nth write fails when it is executed (a vendor with
/// batches counts each write inside them, see <see cref="SimulatorApp.CountsWritesItself"/>).
/// Not sealed only so that a vendor simulator can keep its own public name for it (a derived record adding nothing).
/// </summary>
public record FaultSettings
{
    /// <summary>Added to every request before anything else. Milliseconds, at most 600000.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Probability (0..1) that a request fails with <see cref="FailureStatusCode"/> before it runs.</summary>
    public double FailureRate { get; init; }

    /// <summary>Seed of the random generator behind <see cref="FailureRate"/>; null seeds from the clock.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Status of injected failures (<see cref="FailureRate"/>, <see cref="FailNextRequests"/>). Default 503.</summary>
    public int FailureStatusCode { get; init; } = 503;

    /// <summary>The next N requests fail with <see cref="FailureStatusCode"/> and change nothing.</summary>
    public int FailNextRequests { get; init; }

    /// <summary>The Nth mutating request (POST, PUT, PATCH, DELETE; a batch counts each request inside it) fails with 500
    /// and changes nothing; inside an atomic batch it aborts the batch. 1 = the next write. Null = off.</summary>
    public int? FailNthWrite { get; init; }

    /// <summary>At most this many requests per second (fixed one-second windows); the excess gets 429 with Retry-After.
    /// Null = unlimited.</summary>
    public int? RateLimitPerSecond { get; init; }

    /// <summary>The next N requests get 429 with Retry-After.</summary>
    public int RateLimitNextRequests { get; init; }

    /// <summary>Value of the Retry-After header on 429 answers, in seconds. Default 1.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>The next N requests have their connection aborted without an answer.</summary>
    public int DropNextRequests { get; init; }

    /// <summary>The next N requests are held for <see cref="TimeoutHoldMs"/> (or until the client gives up), then get 504
    /// and change nothing: an apparent timeout.</summary>
    public int TimeoutNextRequests { get; init; }

    /// <summary>How long a timed-out request is held. Milliseconds, default 30000, at most 600000.</summary>
    public int TimeoutHoldMs { get; init; } = 30000;

    /// <summary>Readable problems with these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LatencyMs is < 0 or > 600_000)
        {
            problems.Add("latency must be between 0 and 600000 ms");
        }

        if (FailureRate is < 0 or > 1 || double.IsNaN(FailureRate))
        {
            problems.Add("failure rate must be between 0 and 1");
        }

        if (FailureStatusCode is < 500 or > 599)
        {
            problems.Add("failure status must be a 5xx code");
        }

        if (FailNthWrite is < 1)
        {
            problems.Add("fail-nth-write must be 1 or more");
        }

        if (RateLimitPerSecond is < 1)
        {
            problems.Add("rate limit must be 1 request per second or more");
        }

        if (FailNextRequests < 0 || RateLimitNextRequests < 0 || DropNextRequests < 0 || TimeoutNextRequests < 0)
        {
            problems.Add("request counts must not be negative");
        }

        if (RetryAfterSeconds < 0)
        {
            problems.Add("retry-after must not be negative");
        }

        if (TimeoutHoldMs is < 0 or > 600_000)
        {
            problems.Add("timeout hold must be between 0 and 600000 ms");
        }

        return problems;
    }
}
