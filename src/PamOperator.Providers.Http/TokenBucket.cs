using System.Threading.RateLimiting;

namespace PamOperator.Providers.Http;

/// <summary>The client-side rate limit shared by every call of one client (a token bucket). Thread-safe.</summary>
internal sealed class TokenBucket : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter;

    public TokenBucket(double requestsPerSecond, int burst)
    {
        var perPeriod = Math.Max(1, (int)Math.Ceiling(requestsPerSecond / 10));
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perPeriod / Math.Max(0.001, requestsPerSecond)),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Waits for a token. Cancellable; never fails otherwise (the queue is unbounded).</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
    }

    public void Dispose() => _limiter.Dispose();
}
