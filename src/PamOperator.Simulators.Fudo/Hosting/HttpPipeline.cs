using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Faults;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>
/// The whole HTTP surface. <c>/api/v2/*</c>: log, faults, API key, bounded body, engine. <c>/_sim/*</c>: API key, admin
/// endpoints, no faults, not logged. Anything else: 404.
/// </summary>
internal sealed class HttpPipeline(SimulatorEngine engine, AdminEndpoints admin, ApiKeyCheck keys, RequestLog log,
    FudoSimulatorOptions options, CancellationToken stopping)
{
    private const string DroppedKey = "pamsim.dropped";

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/_sim/", StringComparison.Ordinal))
        {
            await (keys.IsAuthorized(context.Request)
                ? admin.HandleAsync(context, path["/_sim".Length..])
                : HttpIo.WriteAsync(context, ApiResponse.From(new ApiError(401, "invalid API key")), engine.Compatibility.ErrorLayout));
            return;
        }

        if (!path.StartsWith("/api/v2/", StringComparison.Ordinal))
        {
            await HttpIo.WriteAsync(context, ApiResponse.From(ApiError.NotFound("not an API v2 path")), engine.Compatibility.ErrorLayout);
            return;
        }

        var started = options.TimeProvider.GetUtcNow();
        var clock = Stopwatch.StartNew();
        try
        {
            await ApiAsync(context, path["/api/v2".Length..]);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // The client went away or the simulator is stopping: there is no one to answer.
            context.Items[DroppedKey] = true;
        }
#pragma warning disable CA1031 // A bug in the simulator must answer 500 (the test then fails on it), not kill the connection.
        catch (Exception ex) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            var error = new ApiError(500, $"internal simulator error: {ex.GetType().Name}: {ex.Message}");
            await HttpIo.WriteAsync(context, ApiResponse.From(error), engine.Compatibility.ErrorLayout);
        }
        finally
        {
            var status = context.Items.ContainsKey(DroppedKey) ? 0 : context.Response.StatusCode;
            log.Add(new RequestLogEntry(started, started + clock.Elapsed, context.Request.Method,
                context.Request.Path + context.Request.QueryString, status, clock.Elapsed.TotalMilliseconds));
        }
    }

    private async Task ApiAsync(HttpContext context, string path)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancel = linked.Token;
        var decision = engine.Faults.Decide();
        if (decision.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(decision.LatencyMs), options.TimeProvider, cancel);
        }

        var layout = engine.Compatibility.ErrorLayout;
        switch (decision.Action)
        {
            case FaultAction.Drop:
                context.Items[DroppedKey] = true;
                context.Abort();
                return;
            case FaultAction.Timeout:
                if (!await HoldAsync(decision.HoldMs, cancel))
                {
                    context.Items[DroppedKey] = true;
                    return;
                }

                await HttpIo.WriteAsync(context, ApiResponse.From(new ApiError(504, "injected fault: timeout")), layout);
                return;
            case FaultAction.RateLimited:
                await HttpIo.WriteAsync(context, ApiResponse.From(new ApiError(429, "injected fault: rate limit exceeded")) with
                {
                    Headers = new Dictionary<string, string> { ["Retry-After"] = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture) },
                }, layout);
                return;
            case FaultAction.Fail:
                await HttpIo.WriteAsync(context, ApiResponse.From(new ApiError(decision.Status, "injected fault: server error")), layout);
                return;
        }

        var response = await ExecuteAsync(context, path, cancel);
        await HttpIo.WriteAsync(context, response, layout);
    }

    private async Task<ApiResponse> ExecuteAsync(HttpContext context, string path, CancellationToken cancel)
    {
        if (!keys.IsAuthorized(context.Request))
        {
            return ApiResponse.From(new ApiError(401, "invalid or missing API key in Authorization"));
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Request.Query)
        {
            if (values.Count != 1)
            {
                return ApiResponse.From(ApiError.BadRequest($"URL parameter '{name}' is given more than once"));
            }

            query[name] = values[0] ?? "";
        }

        var method = context.Request.Method.ToUpperInvariant();
        var (body, error) = method is "POST" or "PATCH"
            ? await HttpIo.ReadJsonAsync(context.Request, options.MaxRequestBodyBytes, cancel)
            : (null, null);
        return error is not null
            ? ApiResponse.From(error)
            : await engine.ExecuteAsync(new ApiRequest(method, path, query, body), cancel);
    }

    /// <summary>Holds a request as a hung server would, until the hold ends, the client gives up or the simulator stops.</summary>
    /// <returns>False when the client gave up first (the point of the fault): nothing is left to answer.</returns>
    private async Task<bool> HoldAsync(int holdMs, CancellationToken cancel)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(holdMs), options.TimeProvider, cancel);
            return true;
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return false;
        }
    }
}
