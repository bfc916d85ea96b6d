using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Common.Hosting;

namespace PamOperator.Simulators.Sps.Api;

/// <summary>
/// Errors in the layout this simulator chose for SPS (the guide's error-code page was not retrievable; the seed gives
/// the names): <c>{"error": {"type", "message", "details"}, "meta": {"href", "parent"}}</c>. The names come from
/// seed 002 (<c>Unauthenticated</c>, <c>AuthenticationFailure</c>, <c>NotFound</c>, <c>NoTransaction</c>,
/// <c>SemanticError</c>) and, where the seed has none, are this simulator's (<c>ConfigurationLocked</c>,
/// <c>SyntaxError</c>, <c>MethodNotAllowed</c>, <c>LengthRequired</c>).
/// </summary>
internal static class SpsErrors
{
    public static ApiResult Error(int status, string type, string message, string path, JsonObject? details = null) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject { ["details"] = details ?? new JsonObject(), ["message"] = message, ["type"] = type },
            ["meta"] = new JsonObject { ["href"] = path, ["parent"] = Parent(path) },
        });

    public static ApiResult NotFound(string path) =>
        Error(404, "NotFound", "The requested object does not exist.", path);

    public static ApiResult Unauthenticated(string path) =>
        Error(401, "Unauthenticated", "The requested resource cannot be retrieved because the client is not authenticated and the resource requires authorization to access it.",
            path, new JsonObject { ["path"] = path });

    public static ApiResult NoTransaction(string path) =>
        Error(409, "NoTransaction", "No open Transaction is available. You must open a transaction first.", path);

    public static ApiResult Semantic(string path, string message) => Error(400, "SemanticError", message, path);

    public static ApiResult Syntax(string path, string message) => Error(400, "SyntaxError", message, path);

    public static ApiResult MethodNotAllowed(string method, string path) =>
        Error(405, "MethodNotAllowed", $"{method} is not allowed on this endpoint.", path);

    /// <summary>The kit's errors (401 from the credential check, injected faults, 404 outside the API) in this layout.</summary>
    public static Task WriteKitErrorAsync(HttpContext context, int status, string message)
    {
        var path = context.Request.Path.Value ?? "/";
        var result = status switch
        {
            401 => Unauthenticated(path),
            404 => NotFound(path),
            _ => Error(status, status switch
            {
                429 => "TooManyRequests",
                413 => "RequestTooLarge",
                504 => "GatewayTimeout",
                503 => "ServiceUnavailable",
                < 500 => "SyntaxError",
                _ => "InternalError",
            }, message, path),
        };
        return WriteAsync(context, result);
    }

    public static Task WriteAsync(HttpContext context, ApiResult result)
    {
        context.Response.StatusCode = result.Status;
        return SimulatorJson.WriteAsync(context, result.Body);
    }

    public static string? Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash <= 0 ? null : trimmed[..slash];
    }
}
