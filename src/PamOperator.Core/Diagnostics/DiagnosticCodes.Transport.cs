namespace PamOperator.Core.Diagnostics;

/// <summary>PAM507-509, PAM520-529: the transport to the PAM and the trust placed in its answers (docs/http.md).</summary>
public static partial class DiagnosticCodes
{
    /// <summary>The PAM answered something pamctl cannot trust (envelope, shape, ids, malformed JSON, HTML).</summary>
    public const string UntrustedAnswer = "PAM507";

    /// <summary>The TLS connection to the PAM was refused by a certificate check.</summary>
    public const string TlsRefused = "PAM508";

    /// <summary>The PAM answered with a redirect, which is never followed.</summary>
    public const string RedirectRefused = "PAM509";

    /// <summary>A read bound was hit: body size, page limit or observe deadline.</summary>
    public const string ReadLimitExceeded = "PAM520";
}
