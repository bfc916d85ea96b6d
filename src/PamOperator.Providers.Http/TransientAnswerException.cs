using PamOperator.Core.Providers;

namespace PamOperator.Providers.Http;

/// <summary>Carries a transient failure (and the server's <c>Retry-After</c>) through the retry pipeline; unwrapped
/// to <see cref="Failure"/> when the retries are spent. Never leaves the client.</summary>
internal sealed class TransientAnswerException(PamApiException failure, TimeSpan? retryAfter) : Exception(failure.Message, failure)
{
    public PamApiException Failure { get; } = failure;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
