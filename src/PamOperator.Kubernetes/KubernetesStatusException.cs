using System.Net;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;

namespace PamOperator.Kubernetes;

/// <summary>
/// The API server refused a request; built from its <c>Status</c> body (code, reason, message). The message holds the
/// method, path and the server's message only: never headers, tokens or request bodies.
/// </summary>
public sealed class KubernetesStatusException : Exception
{
    public KubernetesStatusException(int code, string reason, string statusMessage, string method, string path, TimeSpan? retryAfter = null)
        : base($"{method} {path}: {code} {reason}: {statusMessage}")
    {
        Code = code;
        Reason = reason;
        StatusMessage = statusMessage;
        RetryAfter = retryAfter;
    }

    public KubernetesStatusException()
        : this(0, string.Empty, string.Empty, string.Empty, string.Empty)
    {
    }

    public KubernetesStatusException(string message)
        : base(message)
    {
        Reason = string.Empty;
        StatusMessage = message;
    }

    public KubernetesStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = string.Empty;
        StatusMessage = message;
    }

    public int Code { get; }

    /// <summary>The Status reason, e.g. NotFound, Conflict, AlreadyExists, Expired, Gone, Invalid.</summary>
    public string Reason { get; }

    public string StatusMessage { get; }

    /// <summary>The server's Retry-After, when it sent one (429, 503).</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsNotFound => Code == (int)HttpStatusCode.NotFound;

    public bool IsAlreadyExists => Code == (int)HttpStatusCode.Conflict && Reason == "AlreadyExists";

    /// <summary>A stale resourceVersion (optimistic concurrency) or a failed precondition.</summary>
    public bool IsConflict => Code == (int)HttpStatusCode.Conflict && Reason != "AlreadyExists";

    /// <summary>The requested resourceVersion is too old (410 Expired/Gone): relist.</summary>
    public bool IsGone => Code == (int)HttpStatusCode.Gone;

    public bool IsTransient => Code is 429 or >= 500 or 0;

    /// <summary>The shared classification, so retry decisions are one switch.</summary>
    public ApiErrorKind Kind => Code switch
    {
        404 => ApiErrorKind.NotFound,
        409 => ApiErrorKind.Conflict,
        401 or 403 => ApiErrorKind.Unauthorized,
        429 or >= 500 or 0 => ApiErrorKind.Transient,
        _ => ApiErrorKind.Invalid,
    };

    /// <summary>Builds the exception from a Status body (or a non-Status body: the reason is then the HTTP phrase).</summary>
    public static KubernetesStatusException FromStatus(int code, JsonNode? body, string method, string path, TimeSpan? retryAfter)
    {
        var reason = body?["reason"]?.ToString() ?? ((HttpStatusCode)code).ToString();
        var message = body?["message"]?.ToString() ?? string.Empty;
        return new KubernetesStatusException(code, reason, message, method, path, retryAfter);
    }
}
