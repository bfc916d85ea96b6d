using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Vendors;
using PamOperator.Providers.Sps.Http;
using PamOperator.Providers.Sps.Observe;
using PamOperator.Providers.Sps.Write;

namespace PamOperator.Providers.Sps;

/// <summary>One connected SPS: its reader, its transactional writer, one HTTP client and session for both.</summary>
internal sealed class SpsConnection(SpsClient client, TransactionRecord record) : IVendorConnection
{
    public ILiveStateReader Reader { get; } = new SpsReader(client);

    public IPamWriter Writer { get; } = new SpsWriter(client, record);

    public TransactionGuarantee Guarantee => TransactionGuarantee.ServerTransaction;

    public string TargetIdentity => $"sps {client.Endpoint} as {client.User}";

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
