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
        _ => Diagnostic.Error(DiagnosticCodes.ProviderRejected,
            $"{target} rejected a request",
            $"{ex.Message}."),
    };
}
