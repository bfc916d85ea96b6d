using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.CyberArk.Vault;

namespace PamOperator.Simulators.CyberArk.Api;

/// <summary>PVWA's error body, <c>{"ErrorCode": "PASWS…E", "ErrorMessage": "…"}</c>, for the vault's errors and the
/// kit's (401, 404, 429, injected faults).</summary>
internal static class Errors
{
    public static Task WriteAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, status switch
        {
            401 => ErrorCodes.Unauthorized,
            403 => ErrorCodes.Forbidden,
            404 => ErrorCodes.NotFound,
            405 => ErrorCodes.MethodNotAllowed,
            409 => ErrorCodes.AlreadyExists,
            >= 500 or 429 => ErrorCodes.ServerError,
            _ => ErrorCodes.BadRequest,
        }, status == 401 ? "The session token is missing, invalid or expired." : message);

    public static async Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonObject { ["ErrorCode"] = code, ["ErrorMessage"] = message }.ToJsonString(), context.RequestAborted);
    }
}
