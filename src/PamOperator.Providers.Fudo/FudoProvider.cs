using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Schema;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Observe;
using PamOperator.Providers.Fudo.Write;

namespace PamOperator.Providers.Fudo;

/// <summary>
/// The Fudo PAM API v2 provider: one per ProviderConfig. Owns one long-lived HTTP client (the shared layer in
/// Providers.Http: its connections, rate limit, TLS and redirect rules), used by every observe and write made through
/// it. Dispose when the ProviderConfig is no longer used.
/// </summary>
public sealed class FudoProvider : IDisposable
{
    private readonly FudoApiClient _client;

    private FudoProvider(FudoClientOptions options, IReadOnlyList<KindDescriptor> kinds, TimeProvider time)
    {
        _client = new FudoApiClient(options, time);
        Reader = new FudoLiveStateReader(_client, kinds);
        Writer = new FudoWriter(_client, options);
    }

    /// <summary>Creates a provider for <paramref name="kinds"/> (the Fudo kind catalog). No network I/O happens here;
    /// an unreadable caFile is reported by the first call (TLS refused, missing caFile).</summary>
    public static FudoProvider Create(FudoClientOptions options, IReadOnlyList<KindDescriptor> kinds, TimeProvider? time = null) =>
        new(options, kinds, time ?? TimeProvider.System);

    /// <summary>Observe: paged list calls, never writes.</summary>
    public ILiveStateReader Reader { get; }

    /// <summary>Writes: one atomic batch, or step by step (see <see cref="FudoClientOptions.UseAtomicBatch"/>).</summary>
    public IPamWriter Writer { get; }

    public void Dispose() => _client.Dispose();
}
