using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.Sps.Http;

/// <summary>Classifies SPS's error answers (<c>{"error": {"type", "message"}}</c>, seed 002's names) and keeps the
/// error type, which the session and transaction logic decide on.</summary>
internal static class SpsErrorClassifier
{
    public static PamApiException Classify(HttpFailureAnswer answer)
    {
        var (type, message) = Read(answer.Body);
        var kind = answer.Status switch
        {
            401 or 403 => ApiErrorKind.Unauthorized,
            404 => ApiErrorKind.NotFound,
            409 => ApiErrorKind.Conflict,
            408 or 425 or 429 or >= 500 => ApiErrorKind.Transient,
            _ => ApiErrorKind.Invalid,
        };
        var text = $"sps {answer.Where} answered {answer.Status}{(type is null ? "" : " " + type)}{(message is null ? "" : ": " + message)}";
        return new PamApiException(kind, text, answer.Status, new SpsErrorType(type ?? ""));
    }

    /// <summary>The SPS error type of a failure (<c>NoTransaction</c>, <c>Unauthenticated</c>, ...), or empty.</summary>
    public static string TypeOf(PamApiException ex) => ex.InnerException is SpsErrorType t ? t.Type : "";

    private static (string? Type, string? Message) Read(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject { } o && o["error"] is JsonObject error)
            {
                var type = error["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
                var message = error["message"] is JsonValue m && m.GetValueKind() == JsonValueKind.String ? m.GetValue<string>() : null;
                return (Clip(type, 64), Clip(message, 300));
            }
        }
        catch (JsonException)
        {
            // Not SPS's layout (a proxy's page): the status alone classifies it.
        }

        return (null, null);
    }

    private static string? Clip(string? text, int max) =>
        text is null ? null : new string([.. text.Take(max).Select(c => char.IsControl(c) ? ' ' : c)]);
}
