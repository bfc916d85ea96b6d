using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Vendors;
using PamOperator.Providers.CyberArk.Http;
using PamOperator.Providers.CyberArk.Observe;
using PamOperator.Providers.CyberArk.Write;

namespace PamOperator.Providers.CyberArk;

/// <summary>One connected PVWA: no transactions, so the engine journals and compensates. Disposing logs off.</summary>
internal sealed class CyberArkConnection(CyberArkClient client, int pageSize, string target) : IVendorConnection
{
    public ILiveStateReader Reader { get; } = new CyberArkReader(client, pageSize);

    public IPamWriter Writer { get; } = new CyberArkWriter(client);

    public TransactionGuarantee Guarantee => TransactionGuarantee.None;

    public string TargetIdentity => target;

    internal CyberArkClient Client => client;

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
