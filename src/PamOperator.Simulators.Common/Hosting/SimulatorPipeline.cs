using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Faults;

namespace PamOperator.Simulators.Common.Hosting;

/// <summary>
/// The kit's middleware, in front of the vendor's endpoints. <c>/_sim/*</c>: admin credentials, the kit's admin
/// endpoints, then the vendor's. Paths under the API prefix: request log, faults, credentials, the vendor's endpoint,
/// and 500 for an exception (a simulator bug must fail the test, not kill the connection). Any other path is 404 even
/// when a vendor endpoint would match it, so nothing is reachable without the checks. The admin prefix is matched
/// ignoring case, because endpoint routing ignores case.
/// </summary>
internal sealed class SimulatorPipeline(SimulatorContext kit, SimulatorApp app, AdminEndpoints admin)
{
    private const string DroppedKey = "pamsim.dropped";
    private const string AdminPrefix = "/_sim/";

    private readonly ICredentialCheck _admin = app.AdminCredentials ?? app.Credentials;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(AdminPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await AdminAsync(context, next, path);
            return;
        }

        var comparison = kit.Options.IgnorePathCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!path.StartsWith(kit.Options.ApiPathPrefix, comparison))
        {
            await app.WriteError(context, 404, $"no endpoint for {context.Request.Method} {context.Request.Path}");
            return;
        }

        var time = kit.Options.TimeProvider;
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        try
        {
            await ApiAsync(context, next);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || kit.Stopping.IsCancellationRequested)
        {
            // The client went away or the simulator is stopping: there is no one to answer.
            context.Items[DroppedKey] = true;
        }
#pragma warning disable CA1031 // A bug in the simulator must answer 500 (the test then fails on it), not kill the connection.
        catch (Exception ex) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            await app.WriteError(context, 500, $"internal simulator error: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            var status = context.Items.ContainsKey(DroppedKey) ? 0 : context.Response.StatusCode;
            kit.RequestLog.Add(new RequestLogEntry(started, started + clock.Elapsed, context.Request.Method,
                context.Request.Path + context.Request.QueryString, status, clock.Elapsed.TotalMilliseconds));
        }
    }

    private async Task AdminAsync(HttpContext context, RequestDelegate next, string path)
    {
        if (!_admin.IsAuthorized(context.Request))
        {
            await app.WriteError(context, 401, "invalid or missing credentials for /_sim");
            return;
        }

        if (!await admin.TryHandleAsync(context, path[(AdminPrefix.Length - 1)..]))
        {
            await EndpointOr404Async(context, next);
        }
    }

    private async Task ApiAsync(HttpContext context, RequestDelegate next)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, kit.Stopping);
        var cancel = linked.Token;
        var decision = kit.Faults.Decide();
        if (decision.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(decision.LatencyMs), kit.Options.TimeProvider, cancel);
        }

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

                await app.WriteError(context, 504, "injected fault: timeout");
                return;
            case FaultAction.RateLimited:
                context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await app.WriteError(context, 429, "injected fault: rate limit exceeded");
                return;
            case FaultAction.Fail:
                await app.WriteError(context, decision.Status, "injected fault: server error");
                return;
        }

        if (!app.AllowAnonymous(context.Request) && !app.Credentials.IsAuthorized(context.Request))
        {
            await app.WriteError(context, 401, "invalid or missing credentials");
            return;
        }

        if (!app.CountsWritesItself && context.Request.Method is "POST" or "PUT" or "PATCH" or "DELETE" && kit.Faults.ConsumeWrite())
        {
            await app.WriteError(context, 500, "injected fault: write failed");
            return;
        }

        await EndpointOr404Async(context, next);
    }

    private async Task EndpointOr404Async(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint() is null)
        {
            await app.WriteError(context, 404, $"no endpoint for {context.Request.Method} {context.Request.Path}");
            return;
        }

        await next(context);
    }

    /// <summary>Holds a request as a hung server would, until the hold ends, the client gives up or the simulator stops.</summary>
    /// <returns>False when the client gave up first (the point of the fault): nothing is left to answer.</returns>
    private async Task<bool> HoldAsync(int holdMs, CancellationToken cancel)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(holdMs), kit.Options.TimeProvider, cancel);
            return true;
        }
        catch (OperationCanceledException) when (!kit.Stopping.IsCancellationRequested)
        {
            return false;
        }
    }
}
