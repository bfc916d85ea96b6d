using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>
/// <c>POST /_sim/bulk</c>, Fudo's admin extra next to the kit's <c>/_sim</c> endpoints (which checked the key first):
/// many objects in one transaction through every model rule, all or nothing. Bodies up to the kit's transport limit.
/// </summary>
internal sealed class BulkEndpoint(SimulatorEngine engine, long maxBodyBytes)
{
    public async Task HandleAsync(HttpContext context)
    {
        var cancel = context.RequestAborted;
        var (body, readError) = await ReadAsync(context.Request, cancel);
        BulkRequest? request = null;
        var error = readError ?? Parse(body, out request);
        if (error is null)
        {
            var (bulkError, result) = await engine.WithStoreAsync(
                service => (BulkInsert.Run(service, request!, out var r), r), outcome => outcome.Item1 is null, cancel);
            if (bulkError is null)
            {
                await HttpIo.WriteJsonAsync(context, new JsonObject
                {
                    ["result"] = "success", ["count"] = result.Count, ["firstId"] = result.FirstId, ["lastId"] = result.LastId,
                });
                return;
            }

            error = bulkError;
        }

        await HttpIo.WriteAsync(context, ApiResponse.From(error), engine.Compatibility.ErrorLayout);
    }

    private async Task<(JsonNode? Body, ApiError? Error)> ReadAsync(HttpRequest request, CancellationToken cancel)
    {
        var read = await Common.Hosting.JsonBody.ReadAsync(request, maxBodyBytes, cancel);
        return read.IsError ? (null, new ApiError(read.Status, read.Error!)) : (read.Body, null);
    }

    private static ApiError? Parse(JsonNode? body, out BulkRequest? request)
    {
        request = null;
        if (body is null)
        {
            return ApiError.BadRequest("a JSON body is required");
        }

        try
        {
            request = body.Deserialize<BulkRequest>(HttpIo.Json);
            return request is null ? ApiError.BadRequest("a JSON object body is required") : null;
        }
        catch (JsonException ex)
        {
            return ApiError.BadRequest($"invalid body: {ex.Message}");
        }
    }
}
