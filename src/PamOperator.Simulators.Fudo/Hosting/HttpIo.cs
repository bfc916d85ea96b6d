using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>Reading bounded JSON bodies and writing answers in the configured error layout.</summary>
internal static class HttpIo
{
    /// <summary>The kit's JSON conventions (camelCase, unknown members refused).</summary>
    public static JsonSerializerOptions Json => SimulatorJson.Options;

    /// <summary>Reads at most <paramref name="limit"/> bytes and parses them; an empty body is null. 413 when larger,
    /// 400 when not JSON.</summary>
    public static async Task<(JsonNode? Body, ApiError? Error)> ReadJsonAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync(request, limit, cancellationToken);
        return read.IsError ? (null, new ApiError(read.Status, read.Error!)) : (read.Body, null);
    }

    /// <summary>The kit's error writer in the configured layout.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string message, FudoErrorLayout layout) =>
        WriteAsync(context, ApiResponse.From(new ApiError(status, message)), layout);

    public static async Task WriteAsync(HttpContext context, ApiResponse response, FudoErrorLayout layout)
    {
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is null && layout == FudoErrorLayout.PlainText)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(response.ErrorMessage ?? "", context.RequestAborted);
            return;
        }

        await WriteJsonAsync(context, response.ToJson(layout));
    }

    public static Task WriteJsonAsync(HttpContext context, JsonNode body) => SimulatorJson.WriteAsync(context, body);
}
