using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.Common.Secrets;

namespace PamOperator.Simulators.PrivX.Api;

/// <summary>
/// <c>POST /auth/api/v1/oauth/token</c> (pam-apis §4): <c>Authorization: Basic base64(client_id:client_secret)</c>,
/// form body <c>grant_type=password&amp;username=API_CLIENT_ID&amp;password=API_CLIENT_SECRET</c>; answers
/// <c>{"access_token", "token_type": "Bearer", "expires_in"}</c>. Failures use OAuth 2.0's layout (RFC 6749 §5.2,
/// our choice: the PrivX docs do not show it): a wrong client 401 <c>invalid_client</c>, a wrong user or password 400
/// <c>invalid_grant</c>, another grant type 400 <c>unsupported_grant_type</c>. Secrets are held only as salted hashes.
/// </summary>
internal sealed class TokenEndpoint(PrivXSimulatorOptions options, string clientSecretHash, string passwordHash, SessionTokens sessions)
{
    public const string Path = "/auth/api/v1/oauth/token";

    public async Task HandleAsync(HttpContext context)
    {
        if (!BasicCredentialCheck.TryRead(context.Request, out var client, out var secret)
            || client != options.ClientId || !SecretHash.Verify(secret, clientSecretHash))
        {
            await OAuthError(context, 401, "invalid_client", "client authentication failed");
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await OAuthError(context, 400, "invalid_request", "the body must be application/x-www-form-urlencoded");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "password")
        {
            await OAuthError(context, 400, "unsupported_grant_type", "only grant_type=password is supported");
            return;
        }

        if (form["username"] != options.User || form["password"].Count != 1 || !SecretHash.Verify(form["password"][0] ?? "", passwordHash))
        {
            await OAuthError(context, 400, "invalid_grant", "wrong username or password");
            return;
        }

        var token = sessions.Issue(options.User, options.TokenLifetime);
        context.Response.Headers.CacheControl = "no-store";
        await SimulatorJson.WriteAsync(context, new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)options.TokenLifetime.TotalSeconds,
        });
    }

    private static Task OAuthError(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        return SimulatorJson.WriteAsync(context, new JsonObject { ["error"] = error, ["error_description"] = description });
    }
}
