using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.PrivX;

/// <summary>
/// The SSH PrivX vendor module: <c>ConnectionAccessGrant</c> and <c>ConnectionTags</c> (selector kinds over the
/// connection manager's recorded connections), a <c>spec.privx</c> section, and a connector. The ProviderConfig's
/// credential holds the OAuth client and API client (see <see cref="PrivXCredentials"/>).
/// </summary>
public sealed class PrivXModule : IVendorModule
{
    public string Vendor => PrivXKinds.Vendor;

    public string Group => PrivXKinds.Group;

    public string DisplayName => "SSH PrivX";

    public IReadOnlyList<KindDescriptor> Kinds => PrivXKinds.All;

    public IReadOnlyList<FieldDescriptor> Settings { get; } =
        [Field.Int("pageSize", null, 1000, "Objects per list page (PrivX's documented maximum for roles is 1000).", 1, 1000)];

    public IReadOnlyList<string> DiagnosticCodes => [];

    public Task<IVendorConnection> ConnectAsync(VendorConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = PrivXCredentials.Parse(request.Credentials);
        var pageSize = (int)(request.Settings["pageSize"]?.GetValue<long>() ?? 1000);
        var options = new PamHttpOptions
        {
            Endpoint = request.Endpoint,
            Vendor = Vendor,
            CaFile = request.CaFile,
            InsecureSkipVerify = request.InsecureSkipVerify,
            RequestsPerSecond = request.RequestsPerSecond,
            Burst = request.Burst,
            CallObserver = request.CallObserver,
        };
        var client = new PrivXClient(options, credentials, pageSize, request.Time);
        IVendorConnection connection = new PrivXConnection(client, $"privx {request.Endpoint.GetLeftPart(UriPartial.Authority)}");
        return Task.FromResult(connection);
    }
}
