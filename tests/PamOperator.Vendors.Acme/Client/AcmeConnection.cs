using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Vendors;

namespace PamOperator.Vendors.Acme.Client;

/// <summary>One connected Acme PAM: no transactions, so the engine journals and compensates.</summary>
internal sealed class AcmeConnection(AcmeClient client, string target) : IVendorConnection
{
    public ILiveStateReader Reader { get; } = new AcmeReader(client);

    public IPamWriter Writer { get; } = new AcmeWriter(client);

    public TransactionGuarantee Guarantee => TransactionGuarantee.None;

    public string TargetIdentity => target;

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
