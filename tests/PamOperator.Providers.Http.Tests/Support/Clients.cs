using PamOperator.Core.Providers;

namespace PamOperator.Providers.Http.Tests.Support;

/// <summary>Clients for the tests: fast retries, no rate limit to speak of, a plain status classifier.</summary>
internal static class Clients
{
    public static PamHttpOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Vendor = "test",
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RequestsPerSecond = 1000,
        Burst = 1000,
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public static PamHttpClient For(PamHttpOptions options) =>
        new(options, new Dictionary<string, string> { ["Authorization"] = "canary-api-key" }, Classify);

    public static PamApiException Classify(HttpFailureAnswer answer) => new(
        answer.Status is 429 or >= 500 ? ApiErrorKind.Transient : ApiErrorKind.Invalid,
        $"{answer.Where} answered {answer.Status}",
        answer.Status);

    /// <summary>Reads a body to its end and returns its length.</summary>
    public static async ValueTask<long> Drain(Stream body, CancellationToken ct)
    {
        var buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = await body.ReadAsync(buffer, ct)) > 0)
        {
            total += n;
        }

        return total;
    }
}
