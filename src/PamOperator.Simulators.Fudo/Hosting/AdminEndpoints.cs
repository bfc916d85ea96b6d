using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>
/// <c>/_sim/*</c> for tests and benchmarks: <c>GET|DELETE /requests</c>, <c>GET|PUT|DELETE /faults</c>,
/// <c>POST /bulk</c>, <c>POST /reset</c>. Same API key as the API; never subject to faults; bodies up to 256 MiB.
/// </summary>
internal sealed class AdminEndpoints(SimulatorEngine engine, RequestLog log)
{
    public const int MaxBodyBytes = 256 * 1024 * 1024;

    public async Task HandleAsync(HttpContext context, string path)
    {
        var cancel = context.RequestAborted;
        var method = context.Request.Method.ToUpperInvariant();
        switch (method, path)
        {
            case ("GET", "/requests"):
                await HttpIo.WriteJsonAsync(context, new JsonObject
                {
                    ["requests"] = JsonSerializer.SerializeToNode(log.Snapshot(), HttpIo.Json),
                });
                return;
            case ("DELETE", "/requests"):
                log.Clear();
                await Done(context);
                return;
            case ("GET", "/faults"):
                await HttpIo.WriteJsonAsync(context, JsonSerializer.SerializeToNode(engine.Faults.Current, HttpIo.Json)!);
                return;
            case ("PUT", "/faults"):
                await PutFaultsAsync(context, cancel);
                return;
            case ("DELETE", "/faults"):
                engine.Faults.Apply(new FaultSettings());
                await Done(context);
                return;
            case ("POST", "/bulk"):
                await BulkAsync(context, cancel);
                return;
            case ("POST", "/reset"):
                await engine.ResetAsync(cancel);
                engine.Faults.Apply(new FaultSettings());
                log.Clear();
                await Done(context);
                return;
            default:
                await Fail(context, ApiError.NotFound($"no admin endpoint {method} /_sim{path}"));
                return;
        }
    }

    private async Task PutFaultsAsync(HttpContext context, CancellationToken cancel)
    {
        var error = Read<FaultSettings>(await HttpIo.ReadJsonAsync(context.Request, MaxBodyBytes, cancel), out var faults);
        var problems = faults?.Validate() ?? [];
        error ??= problems.Count > 0 ? ApiError.BadRequest(string.Join("; ", problems)) : null;
        if (error is not null)
        {
            await Fail(context, error);
            return;
        }

        engine.Faults.Apply(faults!);
        await Done(context);
    }

    private async Task BulkAsync(HttpContext context, CancellationToken cancel)
    {
        var error = Read<BulkRequest>(await HttpIo.ReadJsonAsync(context.Request, MaxBodyBytes, cancel), out var request);
        if (error is not null)
        {
            await Fail(context, error);
            return;
        }

        var (bulkError, result) = await engine.WithStoreAsync(
            service => (BulkInsert.Run(service, request!, out var r), r), outcome => outcome.Item1 is null, cancel);
        if (bulkError is not null)
        {
            await Fail(context, bulkError);
            return;
        }

        await HttpIo.WriteJsonAsync(context, new JsonObject
        {
            ["result"] = "success", ["count"] = result.Count, ["firstId"] = result.FirstId, ["lastId"] = result.LastId,
        });
    }

    private static ApiError? Read<T>((JsonNode? Body, ApiError? Error) read, out T? value)
        where T : class
    {
        value = null;
        if (read.Error is not null || read.Body is null)
        {
            return read.Error ?? ApiError.BadRequest("a JSON body is required");
        }

        try
        {
            value = read.Body.Deserialize<T>(HttpIo.Json);
            return value is null ? ApiError.BadRequest("a JSON object body is required") : null;
        }
        catch (JsonException ex)
        {
            return ApiError.BadRequest($"invalid body: {ex.Message}");
        }
    }

    private static Task Done(HttpContext context) => HttpIo.WriteJsonAsync(context, new JsonObject { ["result"] = "success" });

    private Task Fail(HttpContext context, ApiError error) =>
        HttpIo.WriteAsync(context, ApiResponse.From(error), engine.Compatibility.ErrorLayout);
}
