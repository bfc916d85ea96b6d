using System.Net;
using PamOperator.Core.Providers;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>Maps an HTTP status to the one classification that retry and report decisions switch on.</summary>
internal static class FudoErrorClassifier
{
    public static ApiErrorKind Classify(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => ApiErrorKind.Unauthorized,
        404 or 410 => ApiErrorKind.NotFound,
        409 => ApiErrorKind.Conflict,
        408 or 425 or 429 => ApiErrorKind.Transient,
        >= 500 => ApiErrorKind.Transient,
        _ => ApiErrorKind.Invalid,
    };
}
