using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;

namespace PamOperator.Vendors.Acme.Client;

/// <summary>The Acme vendor module: kinds, a <c>spec.acme</c> section with one setting, and a connector.</summary>
public sealed class AcmeModule : IVendorModule
{
    public string Vendor => AcmeKinds.Vendor;

    public string Group => AcmeKinds.Group;

    public string DisplayName => "Acme PAM";

    public IReadOnlyList<KindDescriptor> Kinds => AcmeKinds.All;

    public IReadOnlyList<FieldDescriptor> Settings { get; } =
        [Field.Int("pageSize", null, 50, "Objects per list page.", 1, 500)];

    public IReadOnlyList<string> DiagnosticCodes => [];

    public Task<IVendorConnection> ConnectAsync(VendorConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pageSize = request.Settings["pageSize"]?.GetValue<long>() ?? 50;
        var client = new AcmeClient(request.Endpoint, request.Credentials, (int)pageSize);
        IVendorConnection connection = new AcmeConnection(client, $"acme {request.Endpoint}");
        return Task.FromResult(connection);
    }
}
