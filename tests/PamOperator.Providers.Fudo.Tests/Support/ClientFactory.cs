using PamOperator.Providers.Fudo.Http;

namespace PamOperator.Providers.Fudo.Tests.Support;

internal static class ClientFactory
{
    public static FudoApiClient Create(HttpMessageHandler handler, int pageSize = 2, int retries = 3) =>
        new(new FudoClientOptions
        {
            Endpoint = new Uri("http://127.0.0.1:9/"),
            ApiKey = "canary-api-key",
            PageSize = pageSize,
            MaxReadRetries = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RequestsPerSecond = 1000,
            Burst = 1000,
        }, handler);
}
