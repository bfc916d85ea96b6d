using System.Net;
using PamOperator.Core.Providers;
using Polly;
using Polly.Retry;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>
/// Retry for reads: transient failures (5xx, 408, 429, timeouts, dropped connections) are retried with exponential
/// backoff and jitter; a <c>Retry-After</c> header (capped at 60 s) takes precedence over the computed delay.
/// </summary>
internal static class FudoRetryPipeline
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    public static ResiliencePipeline<HttpResponseMessage> Build(FudoClientOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxReadRetries <= 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxReadRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<PamApiException>(e => e.IsTransient)
                .HandleResult(r => FudoErrorClassifier.Classify(r.StatusCode) == ApiErrorKind.Transient && !r.IsSuccessStatusCode),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
        }).Build();
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response is null || response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is null)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxRetryAfter ? MaxRetryAfter : delay;
    }
}
