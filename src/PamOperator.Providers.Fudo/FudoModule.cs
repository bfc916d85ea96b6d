using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Providers.Fudo.Kinds;

namespace PamOperator.Providers.Fudo;

/// <summary>Fudo PAM API v2 as a vendor module: its kinds, its <c>spec.fudo</c> settings, its codes, its connector.</summary>
public sealed class FudoModule : IVendorModule
{
    public string Vendor => FudoGroup.Vendor;

    public string Group => FudoGroup.Group;

    public string DisplayName => "Fudo PAM";

    public IReadOnlyList<KindDescriptor> Kinds => FudoKinds.All;

    public IReadOnlyList<FieldDescriptor> Settings => FudoSettings.Fields;

    public IReadOnlyList<string> DiagnosticCodes => FudoDiagnosticCodes.All;

    /// <summary>Builds the client (no request is sent): raw API key, the connection's rate limit and TLS, and
    /// <c>spec.fudo.transaction</c>.</summary>
    public Task<IVendorConnection> ConnectAsync(VendorConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = FudoSettings.ApplyTo(
            new FudoClientOptions
            {
                Endpoint = request.Endpoint,
                ApiKey = request.Credentials,
                CaFile = request.CaFile,
                InsecureSkipVerify = request.InsecureSkipVerify,
                RequestsPerSecond = request.RequestsPerSecond,
                Burst = request.Burst,
                CallObserver = request.CallObserver,
            },
            request.Settings);
        var provider = FudoProvider.Create(options, FudoKinds.All, request.Time);
        IVendorConnection connection = new FudoConnection(provider, options.UseAtomicBatch ? TransactionGuarantee.Atomic : TransactionGuarantee.None,
            $"{Vendor} {request.Endpoint}");
        return Task.FromResult(connection);
    }
}
