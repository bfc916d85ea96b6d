using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Providers.CyberArk.Http;
using PamOperator.Providers.CyberArk.Kinds;

namespace PamOperator.Providers.CyberArk;

/// <summary>
/// CyberArk PVWA (REST Gen2, v10.4+) as a vendor module. The ProviderConfig's endpoint is the PVWA host (with or
/// without <c>/PasswordVault</c>); its credential is <c>USER:PASSWORD</c> of a CyberArk (vault) user, split at the first
/// colon, used for <c>API/Auth/CyberArk/Logon</c>. <c>spec.cyberark.pageSize</c> sets the list page size.
/// </summary>
public sealed class CyberArkModule : IVendorModule
{
    private const long DefaultPageSize = 1000;

    public string Vendor => CyberArkKinds.Vendor;

    public string Group => CyberArkKinds.Group;

    public string DisplayName => "CyberArk PVWA";

    public IReadOnlyList<KindDescriptor> Kinds => CyberArkKinds.All;

    public IReadOnlyList<FieldDescriptor> Settings { get; } =
        [Field.Int("pageSize", null, DefaultPageSize, "Safes, accounts and members per list page (PVWA's maximum is 1000).", 1, 1000)];

    public IReadOnlyList<string> DiagnosticCodes => CyberArkDiagnosticCodes.All;

    /// <summary>Builds the client (no request is sent; the first observe logs on). A credential that is not
    /// <c>USER:PASSWORD</c> fails that first call as unauthorized, naming the ProviderConfig, never the value.</summary>
    public Task<IVendorConnection> ConnectAsync(VendorConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var colon = request.Credentials.IndexOf(':', StringComparison.Ordinal);
        var usable = colon > 0 && colon < request.Credentials.Length - 1;

        var pageSize = request.Settings["pageSize"] is System.Text.Json.Nodes.JsonValue size
            && long.TryParse(size.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var given)
            ? given
            : DefaultPageSize;
        var endpoint = CyberArkClient.BaseOf(request.Endpoint);
        var client = new CyberArkClient(new CyberArkClientOptions
        {
            Endpoint = endpoint,
            UserName = usable ? request.Credentials[..colon] : "",
            Password = usable ? request.Credentials[(colon + 1)..] : "",
            CredentialProblem = usable ? null : $"the credentials of {request.Name} are not USER:PASSWORD (a CyberArk user and its password, split at the first colon)",
            CaFile = request.CaFile,
            InsecureSkipVerify = request.InsecureSkipVerify,
            RequestsPerSecond = request.RequestsPerSecond,
            Burst = request.Burst,
            CallObserver = request.CallObserver,
        }, request.Time);
        IVendorConnection connection = new CyberArkConnection(client, (int)Math.Clamp(pageSize, 1, 1000), $"{Vendor} {endpoint}");
        return Task.FromResult(connection);
    }
}
