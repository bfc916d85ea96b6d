using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Providers.Http;
using PamOperator.Providers.Sps.Http;
using PamOperator.Providers.Sps.Kinds;
using PamOperator.Providers.Sps.Write;

namespace PamOperator.Providers.Sps;

/// <summary>One Identity Safeguard for Privileged Sessions (SPS) REST as a vendor module: local users and groups
/// written inside one server-side transaction, usergroup ACLs observed. The credential is <c>USER:PASSWORD</c>.</summary>
public sealed class SpsModule : IVendorModule
{
    public string Vendor => SpsKinds.Vendor;

    public string Group => SpsKinds.Group;

    public string DisplayName => "One Identity SPS";

    public IReadOnlyList<KindDescriptor> Kinds => SpsKinds.All;

    public IReadOnlyList<FieldDescriptor> Settings => [];

    public IReadOnlyList<string> DiagnosticCodes => SpsDiagnosticCodes.All;

    /// <summary>Builds the client (no request is sent; the first observe logs on).</summary>
    public Task<IVendorConnection> ConnectAsync(VendorConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = SpsCredentials.Parse(request.Credentials);
        var client = new SpsClient(new PamHttpOptions
        {
            Endpoint = request.Endpoint,
            Vendor = Vendor,
            CaFile = request.CaFile,
            InsecureSkipVerify = request.InsecureSkipVerify,
            RequestsPerSecond = request.RequestsPerSecond,
            Burst = request.Burst,
            CallObserver = request.CallObserver,
        }, credentials, request.Time);
        var record = new TransactionRecord(request.StateDirectory, request.Endpoint, credentials.User);
        IVendorConnection connection = new SpsConnection(client, record);
        return Task.FromResult(connection);
    }
}
