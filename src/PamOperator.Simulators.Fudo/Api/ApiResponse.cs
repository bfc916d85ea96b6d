using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Api;

/// <summary>
/// An API answer as a value. Success bodies are complete JSON; errors keep only the message, and the writer renders
/// them in the configured <see cref="FudoErrorLayout"/>.
/// </summary>
internal sealed record ApiResponse(int Status, JsonObject? Body, string? ErrorMessage = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public bool IsSuccess => Status < 400;

    /// <summary><c>{"result":"success"}</c>, optionally with <c>"&lt;type&gt;": value</c>.</summary>
    public static ApiResponse Success(string? type = null, JsonNode? value = null, int status = 200)
    {
        var body = new JsonObject { ["result"] = "success" };
        if (type is not null)
        {
            body[type] = value;
        }

        return new ApiResponse(status, body);
    }

    public static ApiResponse From(ApiError error) => new(error.Status, null, error.Message);

    /// <summary>The body in the given layout (for errors), as a JSON object; plain-text errors still get one for batches.</summary>
    public JsonObject ToJson(FudoErrorLayout layout) => Body?.DeepClone().AsObject() ?? new JsonObject
    {
        ["result"] = "error",
        [layout == FudoErrorLayout.ResultError ? "error" : "message"] = ErrorMessage,
    };
}
