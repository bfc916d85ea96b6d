using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Common.Hosting;

namespace PamOperator.Simulators.PrivX.Api;

/// <summary>
/// PrivX's error body (pam-apis §4): <c>{"error_code", "error_message", "property"?}</c>. Codes documented:
/// <c>BAD_REQUEST</c>, <c>PERMISSION_DENIED</c>, <c>INVALID_REQUEST_DATA</c>, <c>REQUIRED_VALUE_MISSING</c>,
/// <c>GENERAL_ERROR</c>; the codes of 401, 404 and 429 are unknown (our choice: <c>UNAUTHORIZED</c>,
/// <c>NOT_FOUND</c>, <c>TOO_MANY_REQUESTS</c>). Messages never hold a value that could be a secret.
/// </summary>
internal static class PrivXErrors
{
    public static Task WriteAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, Code(status), message, null);

    public static Task WriteAsync(HttpContext context, int status, string code, string message, string? property)
    {
        context.Response.StatusCode = status;
        var body = new JsonObject { ["error_code"] = code, ["error_message"] = message };
        if (property is not null)
        {
            body["property"] = property;
        }

        return SimulatorJson.WriteAsync(context, body);
    }

    public static Task Invalid(HttpContext context, string property, string message) =>
        WriteAsync(context, 400, "INVALID_REQUEST_DATA", message, property);

    public static Task NotFound(HttpContext context, string what) => WriteAsync(context, 404, "NOT_FOUND", $"{what} not found", null);

    private static string Code(int status) => status switch
    {
        400 or 413 => "BAD_REQUEST",
        401 => "UNAUTHORIZED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        405 => "BAD_REQUEST",
        429 => "TOO_MANY_REQUESTS",
        _ => "GENERAL_ERROR",
    };
}
