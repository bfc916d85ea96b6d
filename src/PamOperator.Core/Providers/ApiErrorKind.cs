namespace PamOperator.Core.Providers;

/// <summary>Classification of a PAM API failure, so that retry decisions are one switch.</summary>
public enum ApiErrorKind
{
    /// <summary>The object does not exist (404). Not retried; a delete treats it as done.</summary>
    NotFound,
    /// <summary>Uniqueness or state conflict (409, "already exists"). Not retried blindly.</summary>
    Conflict,
    /// <summary>Worth retrying with backoff: 429, 5xx, timeouts, dropped connections.</summary>
    Transient,
    /// <summary>Bad or missing credentials (401/403). Terminal.</summary>
    Unauthorized,
    /// <summary>The PAM rejected the request's content (400/422). Terminal.</summary>
    Invalid,
}
