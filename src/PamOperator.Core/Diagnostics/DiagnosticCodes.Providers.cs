namespace PamOperator.Core.Diagnostics;

/// <summary>PAM5xx: reaching the PAM, credentials and secrets at run time.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>The PAM could not be reached or kept failing (connection, timeout, 5xx after retries).</summary>
    public const string ProviderUnavailable = "PAM501";

    /// <summary>The PAM refused the credentials (401/403).</summary>
    public const string ProviderUnauthorized = "PAM502";

    /// <summary>A secret reference could not be resolved (missing environment variable, unreadable file).</summary>
    public const string SecretUnavailable = "PAM503";

    /// <summary>The ProviderConfig names a vendor this build cannot talk to yet.</summary>
    public const string VendorNotSupported = "PAM504";

    /// <summary>The PAM rejected a request the plan needed (4xx other than auth), e.g. during observe.</summary>
    public const string ProviderRejected = "PAM505";

    // PAM506 (objects of one run pointing at several ProviderConfigs) is retired: several PAMs per run are supported.
}
