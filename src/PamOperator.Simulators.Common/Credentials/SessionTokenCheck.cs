using Microsoft.AspNetCore.Http;

namespace PamOperator.Simulators.Common.Credentials;

/// <summary>
/// A session token issued by the vendor's own logon endpoint, read from <paramref name="location"/> and checked by
/// <paramref name="isValid"/> (typically <see cref="SessionTokens.IsValid"/>). <paramref name="cookieName"/> is
/// required for <see cref="TokenLocation.Cookie"/> and ignored otherwise.
/// </summary>
public sealed class SessionTokenCheck(TokenLocation location, Func<string, bool> isValid, string? cookieName = null)
    : ICredentialCheck
{
    public bool IsAuthorized(HttpRequest request) => Read(request) is { Length: > 0 } token && isValid(token);

    /// <summary>The token as sent, or null when the request carries none in this location.</summary>
    public string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (location == TokenLocation.Cookie)
        {
            return request.Cookies[cookieName ?? throw new InvalidOperationException("a cookie name is required")];
        }

        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value)
        {
            return null;
        }

        return location == TokenLocation.RawAuthorization ? value
            : value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim()
            : null;
    }
}
