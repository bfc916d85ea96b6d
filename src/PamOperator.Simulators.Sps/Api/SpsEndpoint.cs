using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.Sps.Config;

namespace PamOperator.Simulators.Sps.Api;

/// <summary>
/// <c>/api/*</c>: the logon (<c>GET /api/authentication</c> with Basic credentials, answered with the
/// <c>session_id</c> cookie, or 401 <c>AuthenticationFailure</c>) and every other request, which the kit has already
/// checked for a live session (401 <c>Unauthenticated</c> otherwise), handed to the engine with its JSON body
/// (at most 1 MiB).
/// </summary>
internal sealed class SpsEndpoint(SpsEngine engine, bool tls)
{
    public const string Prefix = "/api/";
    public const string Cookie = "session_id";
    private const long MaxBodyBytes = 1024 * 1024;

    /// <summary>The logon needs no session.</summary>
    public static bool IsLogon(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && string.Equals(request.Path.Value?.TrimEnd('/'), "/api/authentication", StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (IsLogon(request))
        {
            await LogOnAsync(context, path);
            return;
        }

        var read = await JsonBody.ReadAsync(request, MaxBodyBytes, context.RequestAborted);
        if (read.IsError)
        {
            await SpsErrors.WriteAsync(context, SpsErrors.Error(read.Status, read.Status == 413 ? "RequestTooLarge" : "SyntaxError", read.Error!, path));
            return;
        }

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        var result = engine.Handle(request.Method.ToUpperInvariant(), path, read.Body, hasBody, request.Cookies[Cookie] ?? "");
        await SpsErrors.WriteAsync(context, result);
    }

    private async Task LogOnAsync(HttpContext context, string path)
    {
        if (!BasicCredentialCheck.TryRead(context.Request, out var user, out var password) || engine.LogOn(user, password) is not { } session)
        {
            await SpsErrors.WriteAsync(context, SpsErrors.Error(401, "AuthenticationFailure", "Authenticating the user with the given credentials has failed.", path));
            return;
        }

        context.Response.Cookies.Append(Cookie, session, new CookieOptions { Path = "/", HttpOnly = true, Secure = tls, SameSite = SameSiteMode.Strict });
        await SpsErrors.WriteAsync(context, ApiResult.Ok(new JsonObject
        {
            ["meta"] = new JsonObject { ["href"] = "/api/authentication", ["parent"] = "/api" },
        }));
    }
}
