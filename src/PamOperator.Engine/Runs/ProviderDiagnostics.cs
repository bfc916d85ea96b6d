using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers;

namespace PamOperator.Engine.Runs;

/// <summary>Turns a classified PAM API failure into the diagnostic a user reads (what failed, what to do).</summary>
public static class ProviderDiagnostics
{
    public static Diagnostic From(PamApiException ex, string target) => ex.Kind switch
    {
        ApiErrorKind.Unauthorized => Diagnostic.Error(DiagnosticCodes.ProviderUnauthorized,
            $"{target} refused the credentials",
            $"{ex.Message}. Check the API key the ProviderConfig's credentials point to, and the user's role."),
        ApiErrorKind.Transient => Diagnostic.Error(DiagnosticCodes.ProviderUnavailable,
            $"{target} is unavailable",
            $"{ex.Message}. Retried with backoff; check the endpoint and network, then run again."),
        ApiErrorKind.UntrustedAnswer => Diagnostic.Error(DiagnosticCodes.UntrustedAnswer,
            $"{target} answered something pamctl cannot trust",
            $"{ex.Message}. Nothing read in this run was believed and nothing was written; check the endpoint (a proxy or a "
            + "login page answers HTML) and the PAM's version."),
        ApiErrorKind.TlsRefused => Diagnostic.Error(DiagnosticCodes.TlsRefused,
            $"{target}: the TLS connection was refused",
            $"{ex.Message}. Check the endpoint's host name and the ProviderConfig's tls.caFile."),
        ApiErrorKind.RedirectRefused => Diagnostic.Error(DiagnosticCodes.RedirectRefused,
            $"{target} answered with a redirect, which pamctl never follows",
            $"{ex.Message}. Set the ProviderConfig's endpoint to the address the PAM really serves."),
        ApiErrorKind.LimitExceeded => Diagnostic.Error(DiagnosticCodes.ReadLimitExceeded,
            $"{target}: a read limit was hit",
            $"{ex.Message}. Nothing was written; see docs/http.md for the limits and how to raise them."),
        _ => Diagnostic.Error(DiagnosticCodes.ProviderRejected,
            $"{target} rejected a request",
            $"{ex.Message}."),
    };
}
