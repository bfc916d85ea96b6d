using Microsoft.Extensions.DependencyInjection;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Schema;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Observe;
using PamOperator.Providers.Fudo.Write;

namespace PamOperator.Providers.Fudo;

/// <summary>
/// The Fudo PAM API v2 provider: one per ProviderConfig and run. Owns its HTTP clients (through IHttpClientFactory)
/// and the rate limit they share. Dispose when the run ends.
/// </summary>
public sealed class FudoProvider : IDisposable
{
    private const string HttpClientName = "fudo";
    private readonly ServiceProvider _services;
    private readonly FudoApiClient _client;

    private FudoProvider(FudoClientOptions options, IReadOnlyList<KindDescriptor> kinds, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => FudoTlsHandler.Create(options));
        _services = services.BuildServiceProvider();
        var http = _services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        _client = new FudoApiClient(http, options, time);
        Reader = new FudoLiveStateReader(_client, kinds);
        Writer = new FudoWriter(_client, options);
    }

    /// <summary>Creates a provider for <paramref name="kinds"/> (the Fudo kind catalog). No network I/O happens here.</summary>
    public static FudoProvider Create(FudoClientOptions options, IReadOnlyList<KindDescriptor> kinds, TimeProvider? time = null) =>
        new(options, kinds, time ?? TimeProvider.System);

    /// <summary>Observe: paged list calls, never writes.</summary>
    public ILiveStateReader Reader { get; }

    /// <summary>Writes: one atomic batch, or step by step (see <see cref="FudoClientOptions.UseAtomicBatch"/>).</summary>
    public IPamWriter Writer { get; }

    public void Dispose()
    {
        _client.Dispose();
        _services.Dispose();
    }
}
