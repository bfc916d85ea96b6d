using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PamOperator.TestSupport.Http;

/// <summary>
/// A scriptable HTTP(S) server on 127.0.0.1 (Kestrel, a free port) that answers whatever a test scripts: redirects,
/// broken envelopes, HTML, endless or huge bodies generated lazily, slow answers. It records every request (method,
/// path and query), so a test can assert that nothing was written or that another host received nothing. Every
/// scripted answer stops when the client goes away (<see cref="HttpContext.RequestAborted"/>).
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private HostileServer(WebApplication app) => _app = app;

    /// <summary>The address to give a client, e.g. <c>https://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Requests with any method but GET (what a run must not send after an untrusted answer).</summary>
    public int WriteRequests => _requests.Count(r => r.Method != "GET");

    /// <summary>Starts answering with <paramref name="answer"/>; HTTPS when <paramref name="certificate"/> (with its
    /// private key) is given.</summary>
    public static async Task<HostileServer> StartAsync(Func<HttpContext, Task> answer, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        var app = builder.Build();
        var server = new HostileServer(app);
        app.Run(async context =>
        {
            server._requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString));
            try
            {
                await answer(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away (a limit or a timeout on its side): nothing left to answer.
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
