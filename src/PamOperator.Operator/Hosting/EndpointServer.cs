using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PamOperator.Operator.Hosting;

/// <summary>A small Kestrel server for /healthz, /readyz or /metrics on one port (0 = any free port).</summary>
internal sealed class EndpointServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EndpointServer(WebApplication app) => _app = app;

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:8081</c>.</summary>
    public Uri Address => new(_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<EndpointServer> StartAsync(string address, int port, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(address), port));
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        return new EndpointServer(app);
    }

    public static void MapHealth(WebApplication app, Readiness readiness)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => readiness.IsReady ? Results.Text("ok\n") : Results.Text("not ready\n", statusCode: StatusCodes.Status503ServiceUnavailable));
    }

    public static void MapMetrics(WebApplication app, OperatorMetrics metrics) =>
        app.MapGet("/metrics", () => Results.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
