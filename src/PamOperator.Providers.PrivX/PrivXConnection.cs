using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Vendors;

namespace PamOperator.Providers.PrivX;

/// <summary>One connected PrivX: no transactions, so the engine journals and compensates.</summary>
internal sealed class PrivXConnection(PrivXClient client, string target) : IVendorConnection
{
    public ILiveStateReader Reader { get; } = new PrivXReader(client);

    public IPamWriter Writer { get; } = new PrivXWriter(client);

    public TransactionGuarantee Guarantee => TransactionGuarantee.None;

    public string TargetIdentity => target;

    public PrivXClient Client => client;

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
