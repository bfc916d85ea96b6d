using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PamOperator.Simulators.Common.Hosting;

/// <summary>
/// A request body read with a size bound and parsed as JSON. <see cref="Status"/> is 0 when it was read (an empty body
/// gives a null <see cref="Body"/>), 413 when larger than the bound, 400 when not JSON; <see cref="Error"/> then says why.
/// </summary>
public sealed record JsonBody(JsonNode? Body, int Status, string? Error)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    public bool IsError => Status != 0;

    /// <summary>Reads at most <paramref name="limit"/> bytes (never buffers more) and parses them. Duplicate property
    /// names and nesting deeper than 64 are malformed.</summary>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tooLarge = new JsonBody(null, 413, $"request body larger than {limit} bytes");
        if (request.ContentLength > limit)
        {
            return tooLarge;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return tooLarge;
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return new JsonBody(null, 0, null);
        }

        try
        {
            return new JsonBody(JsonNode.Parse(buffer.ToArray(), documentOptions: DocumentOptions), 0, null);
        }
        catch (JsonException)
        {
            return new JsonBody(null, 400, "malformed JSON body");
        }
    }
}
