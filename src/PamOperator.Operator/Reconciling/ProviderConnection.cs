using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Providers.Fudo;

namespace PamOperator.Operator.Reconciling;

/// <summary>An opened PAM for one batch, or the reason it could not be opened. The provider belongs to the
/// <see cref="ProviderPool"/> (it outlives the batch), so disposing the connection leaves it open.</summary>
internal sealed record ProviderConnection(FudoProvider? Provider, ProviderConfig? Config, string? FailureReason, string? FailureMessage) : IDisposable
{
    public void Dispose()
    {
        // The pool owns the provider.
    }
}
