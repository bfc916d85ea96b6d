namespace PamOperator.Kubernetes;

/// <summary>
/// How <see cref="KubernetesApiClient"/> talks to the API server beyond what the configuration says.
/// </summary>
public sealed record KubernetesApiOptions
{
    /// <summary>Deadline of every request but watches (a watch ends at its own timeoutSeconds, and a silent one is
    /// abandoned after <see cref="Watching.WatchOptions.IdleTimeout"/>). Default 30 s: a black-holed server must not
    /// hold a renewal or a write for ever.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Client-side rate limit toward the API server (requests per second), after client-go's QPS; 0 = none.
    /// Default 20.</summary>
    public double Qps { get; init; } = 20;

    /// <summary>Requests allowed at once above <see cref="Qps"/> (client-go's Burst). Default 30.</summary>
    public int Burst { get; init; } = 30;

    /// <summary>Clock for watch backoff.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Told about every request (metrics); null = none.</summary>
    public IRestClientObserver? Observer { get; init; }
}

/// <summary>Receives one call per HTTP request to the API server (controller-runtime's rest_client_* metrics).</summary>
public interface IRestClientObserver
{
    /// <param name="method">HTTP method.</param>
    /// <param name="host">host:port of the API server.</param>
    /// <param name="code">HTTP status, or "&lt;error&gt;" when there was no answer (client-go's label).</param>
    /// <param name="latency">Time to the response headers.</param>
    void Request(string method, string host, string code, TimeSpan latency);

    /// <summary>A request waited <paramref name="wait"/> for the client-side rate limiter.</summary>
    void RateLimited(string method, string host, TimeSpan wait);
}
