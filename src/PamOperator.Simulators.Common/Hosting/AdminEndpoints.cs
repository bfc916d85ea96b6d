using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Common.Faults;

namespace PamOperator.Simulators.Common.Hosting;

/// <summary>
/// The kit's <c>/_sim/*</c> endpoints: <c>GET|DELETE /requests</c>, <c>GET|PUT|DELETE /faults</c>, <c>POST /reset</c>.
/// Called after the admin credentials were checked; never subject to faults, never in the request log. Other
/// <c>/_sim</c> paths are left to the vendor's endpoints.
/// </summary>
internal sealed class AdminEndpoints(FaultState faults, RequestLog log, SimulatorApp app, long maxBodyBytes)
{
    /// <summary>Answers the request when it is one of the kit's endpoints; false (nothing written) otherwise.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context, string path)
    {
        var method = context.Request.Method.ToUpperInvariant();
        switch (method, path)
        {
            case ("GET", "/requests"):
                await SimulatorJson.WriteAsync(context, new JsonObject
                {
                    ["requests"] = JsonSerializer.SerializeToNode(log.Snapshot(), SimulatorJson.Options),
                });
                return true;
            case ("DELETE", "/requests"):
                log.Clear();
                await Done(context);
                return true;
            case ("GET", "/faults"):
                await SimulatorJson.WriteAsync(context, JsonSerializer.SerializeToNode(faults.Current, SimulatorJson.Options)!);
                return true;
            case ("PUT", "/faults"):
                await PutFaultsAsync(context);
                return true;
            case ("DELETE", "/faults"):
                faults.Apply(new FaultSettings());
                await Done(context);
                return true;
            case ("POST", "/reset"):
                await app.ResetAsync(context.RequestAborted);
                faults.Apply(new FaultSettings());
                log.Clear();
                await Done(context);
                return true;
            default:
                return false;
        }
    }

    private async Task PutFaultsAsync(HttpContext context)
    {
        var read = await JsonBody.ReadAsync(context.Request, maxBodyBytes, context.RequestAborted);
        if (read.IsError || read.Body is null)
        {
            await app.WriteError(context, read.IsError ? read.Status : 400, read.Error ?? "a JSON body is required");
            return;
        }

        FaultSettings? settings;
        try
        {
            settings = read.Body.Deserialize<FaultSettings>(SimulatorJson.Options);
        }
        catch (JsonException ex)
        {
            await app.WriteError(context, 400, $"invalid body: {ex.Message}");
            return;
        }

        var problems = settings?.Validate() ?? ["a JSON object body is required"];
        if (problems.Count > 0)
        {
            await app.WriteError(context, 400, string.Join("; ", problems));
            return;
        }

        faults.Apply(settings!);
        await Done(context);
    }

    private static Task Done(HttpContext context) =>
        SimulatorJson.WriteAsync(context, new JsonObject { ["result"] = "success" });
}
