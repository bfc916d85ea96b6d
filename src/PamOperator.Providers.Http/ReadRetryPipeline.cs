using PamOperator.Core.Providers;
using Polly;
using Polly.Retry;

namespace PamOperator.Providers.Http;

/// <summary>
/// Retry for reads only: transient failures (no answer, timeout, 408, 425, 429, 5xx) are retried at most
/// <see cref="PamHttpOptions.MaxReadRetries"/> times with exponential backoff and jitter; a <c>Retry-After</c> header
/// (cut to <see cref="PamHttpOptions.MaxRetryAfter"/>) takes precedence over the computed delay.
/// </summary>
internal static class ReadRetryPipeline
{
    public static ResiliencePipeline Build(PamHttpOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxReadRetries <= 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxReadRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            ShouldHandle = new PredicateBuilder()
                .Handle<TransientAnswerException>()
                .Handle<PamApiException>(e => e.IsTransient),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is TransientAnswerException { RetryAfter: { } after }
                    ? (TimeSpan?)(after < TimeSpan.Zero ? TimeSpan.Zero : after > options.MaxRetryAfter ? options.MaxRetryAfter : after)
                    : null),
        }).Build();
    }
}
