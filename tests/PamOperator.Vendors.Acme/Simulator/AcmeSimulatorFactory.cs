using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PamOperator.Core.Vendors;

namespace PamOperator.Vendors.Acme.Simulator;

/// <summary>Acme's simulator: the REST API the Acme client speaks, on loopback, with a JSON-file state. Audit policies
/// cannot be written (405); access requests cannot be changed (409) and are approved through <c>POST /_sim/approve/ID</c>.</summary>
public sealed class AcmeSimulatorFactory : IVendorSimulatorFactory
{
    private static readonly string[] Types = ["safe", "account", "audit_policy", "access_request", "connection"];

    public string Vendor => "acme";

    public IReadOnlyList<SimulatorFlag> Flags { get; } = [new("api-key", "Key clients send in X-Acme-Key (default: generated).", IsCredential: true)];

    public async Task<IVendorSimulator> StartAsync(SimulatorLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (!IPEndPoint.TryParse(launch.Listen, out var endpoint) || !IPAddress.IsLoopback(endpoint.Address))
        {
            throw new ArgumentException($"--listen {launch.Listen} is not a loopback host:port");
        }

        var key = launch.Flag("api-key") ?? Guid.NewGuid().ToString("N");
        var store = new AcmeStore(launch.DatabasePath);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(endpoint));
        var app = builder.Build();
        Map(app, store, key);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningAcmeSimulator(app, new Uri(address.TrimEnd('/') + "/"), key);
    }

    private static void Map(WebApplication app, AcmeStore store, string key)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && context.Request.Headers["X-Acme-Key"] != key)
            {
                context.Response.StatusCode = 401;
                return;
            }

            await next(context);
        });
        app.MapGet("/api/v1/{type}", (string type, int? offset, int? limit) =>
        {
            if (!Types.Contains(type))
            {
                return Results.NotFound();
            }

            var (items, total) = store.List(type, offset ?? 0, Math.Clamp(limit ?? 50, 1, 500));
            return Results.Json(new JsonObject { ["items"] = new JsonArray([.. items]), ["total"] = total });
        });
        app.MapPost("/api/v1/{type}", async (string type, HttpRequest request) =>
        {
            if (type is "audit_policy" or "connection")
            {
                return Results.StatusCode(405);
            }

            var body = await request.ReadFromJsonAsync<JsonObject>() ?? [];
            return !Types.Contains(type) ? Results.NotFound()
                : store.Create(type, body) is { } created ? Results.Json(created, statusCode: 201) : Results.Conflict();
        });
        app.MapPatch("/api/v1/{type}/{id}", async (string type, string id, HttpRequest request) =>
        {
            if (type is "audit_policy" or "access_request")
            {
                return type == "audit_policy" ? Results.StatusCode(405) : Results.Conflict();
            }

            var body = await request.ReadFromJsonAsync<JsonObject>() ?? [];
            return store.Patch(type, id, body) ? Results.Ok(new JsonObject { ["id"] = id }) : Results.NotFound();
        });
        app.MapDelete("/api/v1/{type}/{id}", (string type, string id) =>
            type is "audit_policy" or "connection" ? Results.StatusCode(405) : store.Delete(type, id) ? Results.NoContent() : Results.NotFound());
        app.MapPost("/_sim/connection", async (HttpRequest request) =>
            store.Create("connection", await request.ReadFromJsonAsync<JsonObject>() ?? []) is { } made ? Results.Json(made, statusCode: 201) : Results.Conflict());
        app.MapPost("/_sim/approve/{id}", (string id) => store.SetState("access_request", id, "Approved") ? Results.NoContent() : Results.NotFound());
    }
}
