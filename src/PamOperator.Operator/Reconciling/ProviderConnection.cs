using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Providers.Fudo;

namespace PamOperator.Operator.Reconciling;

/// <summary>An opened PAM for one batch (dispose after the batch), or the reason it could not be opened.</summary>
internal sealed record ProviderConnection(FudoProvider? Provider, ProviderConfig? Config, string? FailureReason, string? FailureMessage) : IDisposable
{
    public void Dispose() => Provider?.Dispose();
}
