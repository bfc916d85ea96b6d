using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>Writes an <see cref="ApiResult"/> as the HTTP response.</summary>
internal static class ResponseWriter
{
    /// <summary>Quotes inside strings as <c>\"</c>, as Go's encoder writes them (not <c>\u0022</c>).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext http, ApiResult result)
    {
        http.Response.StatusCode = result.StatusCode;
        http.Response.ContentType = result.ContentType;
        if (result.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var warning in result.Warnings)
        {
            http.Response.Headers.Append("Warning", $"299 - {System.Text.Json.JsonSerializer.Serialize(warning)}");
        }

        await http.Response.WriteAsync(result.Body.ToJsonString(Json), http.RequestAborted);
    }
}
