using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Providers.Fudo;
using PamOperator.Simulators.Fudo;

namespace PamOperator.Cli.Targets;

/// <summary>
/// The PAM one run talks to: from a ProviderConfig, or the embedded Fudo simulator (which this session then owns and
/// stops on dispose). Holds no secret value beyond the provider's own client options.
/// </summary>
public sealed class ProviderSession : IAsyncDisposable
{
    private readonly FudoSimulator? _simulator;

    internal ProviderSession(string description, ProviderConfig? config, FudoProvider provider, FudoSimulator? simulator)
    {
        Description = description;
        Config = config;
        Provider = provider;
        _simulator = simulator;
    }

    /// <summary>Human description for notices, e.g. <c>fudo at https://pam.example.com/ (ProviderConfig prod)</c>.</summary>
    public string Description { get; }

    /// <summary>Stable identity of the target PAM, recorded in saved plans: <c>embedded fudo simulator</c>, or the vendor
    /// and endpoint (<c>fudo https://pam.example.com/</c>).</summary>
    public string TargetId => Config is null ? "embedded fudo simulator" : $"{Config.Vendor} {Config.Endpoint}";

    /// <summary>The ProviderConfig in force; null for the embedded simulator.</summary>
    public ProviderConfig? Config { get; }

    public FudoProvider Provider { get; }

    public bool IsEmbedded => _simulator is not null;

    /// <summary>The embedded simulator's state lock, held until the session is disposed; null otherwise.</summary>
    internal IDisposable? StateLock { get; init; }

    public async ValueTask DisposeAsync()
    {
        Provider.Dispose();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        StateLock?.Dispose();
    }
}
