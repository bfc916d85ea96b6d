using System.Collections.Concurrent;
using PamOperator.Core.Schema;
using PamOperator.Providers.Fudo;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// One long-lived provider (so one HTTP client: its connections and its rate limit) per ProviderConfig, kept across
/// batches. A ProviderConfig whose client options changed (endpoint, TLS, rate limit, a rotated key...) gets a new
/// provider and the old one is disposed; this relies on the batches of one ProviderConfig running one at a time.
/// Thread-safe.
/// </summary>
internal sealed class ProviderPool
{
    private readonly ConcurrentDictionary<string, (FudoClientOptions Options, FudoProvider Provider)> _providers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The provider of ProviderConfig <paramref name="name"/> for <paramref name="options"/>; made on first use.</summary>
    public FudoProvider Get(string name, FudoClientOptions options, IReadOnlyList<KindDescriptor> kinds)
    {
        lock (_gate)
        {
            if (_providers.TryGetValue(name, out var current) && current.Options == options)
            {
                return current.Provider;
            }

            var provider = FudoProvider.Create(options, kinds);
            _providers[name] = (options, provider);
            current.Provider?.Dispose();
            return provider;
        }
    }
}
