using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>Reading bounded JSON bodies and writing answers in the configured error layout.</summary>
internal static class HttpIo
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>Reads at most <paramref name="limit"/> bytes and parses them; an empty body is null. 413 when larger,
    /// 400 when not JSON.</summary>
    public static async Task<(JsonNode? Body, ApiError? Error)> ReadJsonAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, new ApiError(413, $"request body larger than {limit} bytes"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, new ApiError(413, $"request body larger than {limit} bytes"));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return (JsonNode.Parse(buffer.ToArray(), documentOptions: DocumentOptions), null);
        }
        catch (JsonException)
        {
            return (null, ApiError.BadRequest("malformed JSON body"));
        }
    }

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

    public static async Task WriteJsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(Json), context.RequestAborted);
    }
}
