namespace PamOperator.Core.Diagnostics;

/// <summary>Several vendors and PAMs in one run (PAM23x).</summary>
public static partial class DiagnosticCodes
{
    /// <summary>A ProviderConfig carries another vendor's settings section.</summary>
    public const string VendorSectionMismatch = "PAM230";

    /// <summary>An object's kind belongs to another vendor than the ProviderConfig it is managed by.</summary>
    public const string ProviderConfigVendorMismatch = "PAM231";

}
