using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>Writes an <see cref="ApiResult"/> as the HTTP response.</summary>
internal static class ResponseWriter
{
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

        await http.Response.WriteAsync(result.Body.ToJsonString(), http.RequestAborted);
    }
}
