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

        await http.Response.WriteAsync(result.Body.ToJsonString(), http.RequestAborted);
    }
}
