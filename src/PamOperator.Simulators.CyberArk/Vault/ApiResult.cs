using System.Text.Json.Nodes;

namespace PamOperator.Simulators.CyberArk.Vault;

/// <summary>What one vault operation answers: a status and a JSON body (null = no body), or an error in PVWA's
/// <c>{"ErrorCode","ErrorMessage"}</c> layout.</summary>
internal sealed record ApiResult(int Status, JsonNode? Body, string? ErrorCode = null, string? ErrorMessage = null)
{
    public bool IsError => ErrorCode is not null;

    public static ApiResult Ok(JsonNode? body) => new(200, body);

    public static ApiResult Created(JsonNode body) => new(201, body);

    public static ApiResult Error(int status, string code, string message) => new(status, null, code, message);

    public static ApiResult BadRequest(string message) => Error(400, ErrorCodes.BadRequest, message);

    public static ApiResult NotFound(string message) => Error(404, ErrorCodes.NotFound, message);

    public static ApiResult Conflict(string message) => Error(409, ErrorCodes.AlreadyExists, message);

    public static ApiResult Forbidden(string message) => Error(403, ErrorCodes.Forbidden, message);
}

/// <summary>The error codes the simulator answers. PASWS006E and PASWS041E are seen in the wild (pam-apis §3.1); the
/// others are the simulator's own choice in the same style (PVWA's full table is not public).</summary>
internal static class ErrorCodes
{
    public const string BadRequest = "PASWS167E";
    public const string NotFound = "PASWS004E";
    public const string AlreadyExists = "PASWS027E";
    public const string Unauthorized = "PASWS006E";
    public const string Forbidden = "PASWS041E";
    public const string LogonFailed = "PASWS013E";
    public const string MethodNotAllowed = "PASWS011E";
    public const string ServerError = "PASWS500E";
}
