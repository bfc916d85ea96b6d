using PamOperator.Core.Providers;

namespace PamOperator.Providers.PrivX;

/// <summary>
/// What a PrivX API client authenticates with, as the resolved ProviderConfig credential holds it: one
/// <c>key=value</c> per line, <c>oauth_client_id</c>, <c>oauth_client_secret</c>, <c>api_client_id</c>,
/// <c>api_client_secret</c> (the names of PrivX's API client page and SDK configuration). <see cref="ToString"/> never
/// shows the secrets; a malformed credential is an <see cref="ApiErrorKind.Unauthorized"/> failure that names the
/// missing keys only.
/// </summary>
internal sealed record PrivXCredentials(string OAuthClientId, string OAuthClientSecret, string ApiClientId, string ApiClientSecret)
{
    private static readonly string[] Keys = ["oauth_client_id", "oauth_client_secret", "api_client_id", "api_client_secret"];

    public static PrivXCredentials Parse(string credential)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (credential ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Keys.Contains(line[..equals].Trim()))
            {
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        var missing = Keys.Where(k => values.GetValueOrDefault(k) is not { Length: > 0 }).ToList();
        if (missing.Count > 0)
        {
            throw new PamApiException(ApiErrorKind.Unauthorized,
                $"the PrivX credential lacks {string.Join(", ", missing)}: it must hold one key=value per line ({string.Join(", ", Keys)})");
        }

        if (values["oauth_client_id"].Contains(':', StringComparison.Ordinal))
        {
            throw new PamApiException(ApiErrorKind.Unauthorized, "the PrivX oauth_client_id may not contain ':' (HTTP Basic)");
        }

        return new PrivXCredentials(values["oauth_client_id"], values["oauth_client_secret"], values["api_client_id"], values["api_client_secret"]);
    }

    public override string ToString() => $"PrivXCredentials {{ OAuthClientId = {OAuthClientId}, ApiClientId = {ApiClientId}, secrets (sensitive) }}";
}
