using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;

namespace PamOperator.Kubernetes;

/// <summary>
/// The first handler of the official client's pipeline: the client-side QPS limit (a token bucket of
/// <see cref="KubernetesApiOptions.Burst"/> tokens refilled at <see cref="KubernetesApiOptions.Qps"/> per second; a
/// request waits for a token, as with client-go's flowcontrol) and one observation per request for the REST-client
/// metrics. Headers and bodies are never looked at.
/// </summary>
internal sealed class RestClientHandler : DelegatingHandler
{
    private readonly KubernetesApiOptions _options;
    private readonly string _host;
    private readonly TokenBucketRateLimiter? _limiter;

    public RestClientHandler(KubernetesApiOptions options, string host)
    {
        _options = options;
        _host = host;
        if (options.Qps > 0)
        {
            var perPeriod = Math.Max(1, (int)Math.Ceiling(options.Qps / 10));
            _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, options.Burst),
                TokensPerPeriod = perPeriod,
                ReplenishmentPeriod = TimeSpan.FromSeconds(perPeriod / options.Qps),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        if (_limiter is not null)
        {
            var waited = Stopwatch.GetTimestamp();
            using var lease = await _limiter.AcquireAsync(1, cancellationToken);
            var wait = Stopwatch.GetElapsedTime(waited);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                _options.Observer?.RateLimited(method, _host, wait);
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            _options.Observer?.Request(method, _host, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception)
        {
            _options.Observer?.Request(method, _host, "<error>", Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _limiter?.Dispose();
        }

        base.Dispose(disposing);
    }
}
