using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PamOperator.Kubernetes.TestServer.Http;
using PamOperator.Kubernetes.TestServer.Resources;
using PamOperator.Kubernetes.TestServer.Storage;

namespace PamOperator.Kubernetes.TestServer;

/// <summary>
/// An in-process Kubernetes API server for tests, on http://127.0.0.1 with an ephemeral port. Serves discovery,
/// openapi v3, CRUD, the four patch types, watch, status subresources, finalizers, CRDs and Leases (see
/// docs/kubernetes-testing.md), plus test hooks. Namespaces <c>default</c> and <c>kube-system</c> exist at start.
/// </summary>
public sealed class KubeTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerContext _context;

    private KubeTestServer(WebApplication app, ServerContext context, Uri baseAddress)
    {
        _app = app;
        _context = context;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root URL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    public static async Task<KubeTestServer> StartAsync(KubeTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var context = new ServerContext(options ?? new KubeTestServerOptions());
        foreach (var ns in new[] { "default", "kube-system" })
        {
            lock (context.Store.Gate)
            {
                new ObjectWriter(context, new ObjectRemover(context)).Create(BuiltInResources.Namespaces, null,
                    new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, dryRun: false);
            }
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var router = new RequestRouter(context);
        app.Run(router.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KubeTestServer(app, context, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    /// <summary>The requests received so far, oldest first (a copy).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_context.RequestLog)
            {
                return [.. _context.RequestLog];
            }
        }
    }

    /// <summary>The number of watch streams currently open.</summary>
    public int OpenWatches => _context.Store.Hub.Count;

    /// <summary>Forgets the event history: the next watch from an older resourceVersion is refused with 410 in <paramref name="mode"/>.</summary>
    public void CompactHistory(GoneMode mode)
    {
        _context.Options.GoneMode = mode;
        lock (_context.Store.Gate)
        {
            _context.Store.Compact();
        }
    }

    /// <summary>Ends every open watch (cleanly, like a server timeout, or by resetting the connection). Returns how many.</summary>
    public int DropWatches(bool resetConnections = false) => _context.Store.Hub.DropAll(resetConnections);

    /// <summary>The next <paramref name="count"/> requests with this method and path (no query) get <paramref name="statusCode"/>.</summary>
    public void InjectResponses(string method, string path, int count, int statusCode, int? retryAfterSeconds = null) =>
        _context.Faults.Add(method, path, count, statusCode, retryAfterSeconds);

    /// <summary>A copy of a stored object, or null. <paramref name="group"/> is "" for core; <paramref name="ns"/> null when cluster-scoped.</summary>
    public JsonObject? GetObject(string group, string plural, string? ns, string name)
    {
        lock (_context.Store.Gate)
        {
            return _context.Store.Get(new ObjectKey($"{group}/{plural}", ns ?? string.Empty, name));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _context.Store.Hub.DropAll(abort: false);
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
