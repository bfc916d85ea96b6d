namespace PamOperator.Core.Diagnostics;

/// <summary>Several vendors and PAMs in one run, and the ProviderConfig's endpoint (PAM23x).</summary>
public static partial class DiagnosticCodes
{
    /// <summary>A ProviderConfig carries another vendor's settings section.</summary>
    public const string VendorSectionMismatch = "PAM230";

    /// <summary>An object's kind belongs to another vendor than the ProviderConfig it is managed by.</summary>
    public const string ProviderConfigVendorMismatch = "PAM231";

    /// <summary>The ProviderConfig's endpoint URL holds credentials (userinfo).</summary>
    public const string EndpointCredentials = "PAM234";

    /// <summary>Plain http to a PAM that is not on this machine: an error without <c>allowInsecureHttp</c>, a warning with it.</summary>
    public const string PlainHttpEndpoint = "PAM235";

}
