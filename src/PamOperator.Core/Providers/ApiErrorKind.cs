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
    /// <summary>The PAM answered something that cannot be trusted: no success envelope, not the documented shape
    /// (a list that is not an array, an item without a valid id, a field of the wrong type), malformed JSON or HTML.
    /// Terminal: nothing read in that run is believed and nothing is written.</summary>
    UntrustedAnswer,
    /// <summary>The TLS connection was refused by a certificate check (untrusted issuer, name mismatch, expired,
    /// missing caFile). Terminal: a retry cannot fix a certificate.</summary>
    TlsRefused,
    /// <summary>The PAM answered with a redirect (3xx). Redirects are never followed. Terminal.</summary>
    RedirectRefused,
    /// <summary>A bound was hit: an answer larger than the maximum body size, a list longer than the page limit,
    /// or the observe deadline. Terminal.</summary>
    LimitExceeded,
}
