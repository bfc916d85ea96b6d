using PamOperator.Core.Providers;

namespace PamOperator.Providers.Http;

/// <summary>The typed failures of the transport, each message safe to print (hosts and paths only, never a URL's
/// userinfo or query, never a body).</summary>
public static class TransportFailures
{
    /// <summary>A certificate check refused the connection to <paramref name="host"/>.</summary>
    public static PamApiException Tls(string host, TlsCheck check, Exception? inner = null) =>
        new(ApiErrorKind.TlsRefused, $"TLS connection to {host} refused: {Describe(check)}", null, inner);

    /// <summary>A 3xx answer; only the target's host is named.</summary>
    public static PamApiException Redirect(string where, int status, string targetHost) =>
        new(ApiErrorKind.RedirectRefused, $"{where} answered {status} redirecting to host {targetHost}; redirects are never followed", status);

    /// <summary>A body over the limit.</summary>
    public static PamApiException BodyTooLarge(string where, long limit) =>
        new(ApiErrorKind.LimitExceeded, $"the answer to {where} is larger than the maximum body size ({limit} bytes); it was not read further");

    public static string Describe(TlsCheck check) => check switch
    {
        TlsCheck.UntrustedIssuer => "untrusted issuer (the certificate does not chain to a trusted root; set tls.caFile to the PAM's CA)",
        TlsCheck.NameMismatch => "name mismatch (the certificate is not valid for this host name)",
        TlsCheck.Expired => "expired (the certificate or its chain is outside its validity period)",
        TlsCheck.NoCertificate => "no certificate (the server sent none)",
        TlsCheck.MissingCaFile => "missing caFile (the file does not exist or holds no PEM certificate)",
        _ => check.ToString(),
    };
}
