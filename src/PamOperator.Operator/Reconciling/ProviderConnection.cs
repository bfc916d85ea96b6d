using PamOperator.Core.Vendors;
using PamOperator.Manifests.ProviderConfigs;

namespace PamOperator.Operator.Reconciling;

/// <summary>A ProviderConfig's PAM, connected through its vendor module, or why it cannot be (reason and message for
/// the objects' conditions). The connection belongs to the <see cref="ProviderPool"/> (it outlives the batch), so
/// disposing this leaves it open.</summary>
internal sealed record ProviderConnection(
    IVendorConnection? Connection, IVendorModule? Module, ProviderConfig? Config, string? FailureReason, string? FailureMessage) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
