using PamOperator.Core.Providers;

namespace PamOperator.Providers.Http;

/// <summary>
/// The one failure for an answer that cannot be believed (<see cref="ApiErrorKind.UntrustedAnswer"/>). The message
/// says what was wrong and where (method and path, no query), and never quotes the body.
/// </summary>
public static class UntrustedAnswer
{
    /// <summary>E.g. <c>Because("GET /api/v2/safe", "the list is not an array")</c>.</summary>
    public static PamApiException Because(string where, string what, Exception? inner = null) =>
        new(ApiErrorKind.UntrustedAnswer, $"the PAM answered something pamctl cannot trust: {what} (in the answer to {where})", null, inner);
}
