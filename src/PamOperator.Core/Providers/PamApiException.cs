namespace PamOperator.Core.Providers;

/// <summary>
/// A PAM API call failed. <see cref="Exception.Message"/> is safe to print: it never contains request bodies,
/// credentials or secret values.
/// </summary>
public sealed class PamApiException : Exception
{
    public PamApiException(ApiErrorKind kind, string message, int? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    public PamApiException()
    {
    }

    public PamApiException(string message)
        : base(message)
    {
    }

    public PamApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiErrorKind Kind { get; } = ApiErrorKind.Invalid;

    /// <summary>HTTP status when the PAM answered; null for connection failures and timeouts.</summary>
    public int? StatusCode { get; }

    public bool IsTransient => Kind == ApiErrorKind.Transient;
}
