namespace PamOperator.Simulators.Fudo.Api;

/// <summary>A refused request, as a value: HTTP status and a message safe to show (never a secret value).</summary>
internal sealed record ApiError(int Status, string Message)
{
    public static ApiError BadRequest(string message) => new(400, message);

    public static ApiError NotFound(string message) => new(404, message);

    public static ApiError Forbidden(string message) => new(403, message);

    public static ApiError MethodNotAllowed(string message) => new(405, message);
}
