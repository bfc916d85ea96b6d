using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Hosting;

namespace PamOperator.Simulators.Common.Tests.Support;

/// <summary>
/// The smallest vendor built on the kit, and the example of how small one is: <c>GET|POST /api/items</c> (a counter of
/// created items), <c>POST /api/logon</c> (anonymous), <c>POST /_sim/extra</c> (a vendor admin extra), raw key by
/// default. Counts its resets.
/// </summary>
public sealed class MiniVendor : IAsyncDisposable
{
    public const string Key = "test-key-123";

    private int _items;
    private int _resets;

    private MiniVendor(SimulatorHost host) => Host = host;

    public SimulatorHost Host { get; private set; }

    public int Items => Volatile.Read(ref _items);

    public int Resets => Volatile.Read(ref _resets);

    public static async Task<MiniVendor> StartAsync(SimulatorHostOptions? options = null, ICredentialCheck? credentials = null,
        ICredentialCheck? adminCredentials = null)
    {
        MiniVendor? vendor = null;
        var host = await SimulatorHost.StartAsync(options ?? new SimulatorHostOptions { ApiPathPrefix = "/api/" }, kit =>
        {
            vendor = new MiniVendor(null!);
            return new SimulatorApp
            {
                Credentials = credentials ?? new RawKeyCheck(Key),
                AdminCredentials = adminCredentials,
                AllowAnonymous = request => request.Path == "/api/logon",
                MapEndpoints = routes =>
                {
                    routes.MapGet("/api/items", context => SimulatorJson.WriteAsync(context, new JsonObject { ["count"] = vendor.Items }));
                    routes.MapPost("/api/items", context =>
                    {
                        Interlocked.Increment(ref vendor._items);
                        return SimulatorJson.WriteAsync(context, new JsonObject { ["created"] = true });
                    });
                    routes.MapPost("/api/logon", context => SimulatorJson.WriteAsync(context, new JsonObject { ["token"] = "t" }));
                    routes.MapGet("/api/boom", _ => throw new InvalidOperationException("simulated bug"));
                    routes.MapPost("/_sim/extra", context => SimulatorJson.WriteAsync(context, new JsonObject { ["extra"] = true }));
                },
                ResetAsync = _ =>
                {
                    Interlocked.Increment(ref vendor._resets);
                    return Task.CompletedTask;
                },
            };
        });
        vendor!.Host = host;
        return vendor;
    }

    /// <summary>A client for this vendor with the raw key (or <paramref name="authorization"/>) in Authorization.</summary>
    public HttpClient Client(string? authorization = Key)
    {
        var http = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        return http;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
