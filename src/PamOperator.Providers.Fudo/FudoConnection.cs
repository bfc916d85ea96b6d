using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Vendors;

namespace PamOperator.Providers.Fudo;

/// <summary>One connected Fudo PAM: the provider's reader and writer behind the vendor contract.</summary>
internal sealed class FudoConnection(FudoProvider provider, TransactionGuarantee guarantee, string target) : IVendorConnection
{
    public ILiveStateReader Reader => provider.Reader;

    public IPamWriter Writer => provider.Writer;

    public TransactionGuarantee Guarantee => guarantee;

    public string TargetIdentity => target;

    public ValueTask DisposeAsync()
    {
        provider.Dispose();
        return ValueTask.CompletedTask;
    }
}
