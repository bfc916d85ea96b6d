using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PamOperator.Core.Security;
using PamOperator.Kubernetes;
using PamOperator.Operator.Queue;
using PamOperator.Operator.Reconciling;
using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// The operator process on the .NET generic host (through ASP.NET Core's WebApplication, which serves the probes and
/// metrics): hosted services for the watches (<see cref="WatchService"/>) and for leader election with the workers and
/// the periodic jittered drift resync (<see cref="LeaderElectionService"/>); configuration from the usual sources
/// (environment, appsettings.json: the Logging section sets levels); logging through the providers the caller
/// configures, every entry redacted; graceful shutdown (<see cref="OperatorOptions.ShutdownTimeout"/>: running batches
/// are cancelled, the lease released). ASP.NET Core health checks answer /healthz (<see cref="Liveness"/>: real
/// progress) and /readyz (<see cref="Readiness"/>) on the health port; /metrics (prometheus-net) on the metrics port.
/// <see cref="RunAsync"/> returns when cancelled. One instance per process (tests run several).
/// </summary>
public sealed class OperatorHost
{
    private readonly IKubernetesApi _api;
    private readonly OperatorOptions _options;
    private readonly Action<ILoggingBuilder>? _logging;
    private readonly TimeProvider _time;
    private Leadership? _leadership;

    /// <param name="api">The Kubernetes API (the official client behind <see cref="IKubernetesApi"/>).</param>
    /// <param name="options">What to watch and how to run.</param>
    /// <param name="logging">Adds logging providers (none: nothing is logged).</param>
    /// <param name="timeProvider">Clock for backoff, batch windows and resync; default the system clock.</param>
    /// <param name="metrics">The metrics to fill (pass the ones given to the client as its REST observer); new when null.</param>
    public OperatorHost(IKubernetesApi api, OperatorOptions options, Action<ILoggingBuilder>? logging = null, TimeProvider? timeProvider = null, OperatorMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _api = api;
        _options = options;
        _logging = logging;
        _time = timeProvider ?? TimeProvider.System;
        Metrics = metrics ?? new OperatorMetrics(options.LeaseName);
        Readiness = new Readiness(OperatorKind.All.Count, options.LeaderElect);
        Liveness = new Liveness(_time, options.StallTimeout);
    }

    public OperatorMetrics Metrics { get; }

    public Readiness Readiness { get; }

    public Liveness Liveness { get; }

    /// <summary>Every secret value the operator resolved, to redact statuses, events and logs with.</summary>
    public SecretRedactor Redactor { get; } = new();

    /// <summary>Set once the endpoints listen (null when disabled).</summary>
    public Uri? HealthAddress { get; private set; }

    public Uri? MetricsAddress { get; private set; }

    /// <summary>True while this instance acts as the leader (from the start of its workers until they all stopped).</summary>
    public bool IsLeader => _leadership?.IsLeader ?? false;

    /// <summary>Each leadership term of this instance: when its work started and when it had fully stopped.</summary>
    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset? End)> Terms => _leadership?.Terms ?? [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        _logging?.Invoke(builder.Logging);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = _options.ShutdownTimeout);
        var listeners = Listen(builder);
        builder.Services.AddHealthChecks()
            .AddCheck("progress", Liveness, tags: ["live"])
            .AddCheck("watches", Readiness, tags: ["ready"]);
        builder.Services.AddSingleton(sp => Compose(new RedactingLogger(sp.GetRequiredService<ILoggerFactory>().CreateLogger("PamOperator.Operator"), Redactor)));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Components>().Watches);
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Components>().Election);

        await using var app = builder.Build();
        Map(app, listeners);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while still starting (e.g. the health endpoints were binding): an ordinary stop, not a failure.
            await app.StopAsync(CancellationToken.None);
            return;
        }

        (HealthAddress, MetricsAddress) = (Address(listeners.Health), Address(listeners.Metrics ?? (listeners.Shared ? listeners.Health : null)));
        app.Services.GetRequiredService<Components>().Logger.LogInformation(
            "operator started: namespace {Namespace}, leader election {LeaderElect}, resync {Resync}",
            _options.Namespace ?? "(all)", _options.LeaderElect, _options.Resync);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stop requested.
        }

        await app.StopAsync(CancellationToken.None);
        app.Services.GetRequiredService<Components>().Logger.LogInformation("operator stopped");
    }

    private Components Compose(ILogger logger)
    {
        var cache = new ResourceCache();
        var queue = new WorkQueue(_time, _options.Backoff, Metrics, key => cache.Get(key) is { } r ? cache.GroupOf(r) : null);
        var watcher = new Watcher(_api, cache, queue, Readiness, _options, logger);
        IReadOnlyCollection<string>? secretNamespaces = _options.Namespace is { } watched ? [.. new[] { watched, _api.DefaultNamespace }.Distinct(StringComparer.Ordinal)] : null;
        var reconciler = new BatchReconciler(_api, cache, new ManifestConverter(), Metrics, _time, logger, _api.DefaultNamespace, _options.JournalDirectory, Redactor, secretNamespaces);
        var secretWatcher = new SecretWatcher(_api, cache, watcher, _options, logger);
        JournalRecovery.Report(_options.JournalDirectory, logger);
        Liveness.Queue = queue;
        var workers = Math.Max(1, _options.Workers);
        Metrics.Workers(workers, 0);

        Task Term(CancellationToken leading)
        {
            watcher.EnqueueAll();
            var work = Enumerable.Range(0, workers)
                .Select(_ => WatchService.Guard(() => new Worker(queue, reconciler, cache, _options, _time, Metrics, Liveness, logger).RunAsync(leading)))
                .Append(WatchService.Guard(() => ResyncAsync(watcher, leading)));
            return Task.WhenAll(work);
        }

        var leadership = new Leadership(Term, Metrics, Liveness, logger);
        _leadership = leadership;
        Liveness.IsLeader = () => leadership.IsLeader;
        return new Components(logger, new WatchService(watcher, secretWatcher), new LeaderElectionService(_api, _options, leadership, Readiness, Liveness, logger));
    }

    private async Task ResyncAsync(Watcher watcher, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var jitter = 1 + ((Random.Shared.NextDouble() * 0.2) - 0.1);
            await Task.Delay(_options.Resync * jitter, _time, cancellationToken);
            watcher.EnqueueAll();
        }
    }

    /// <summary>Binds the health and metrics ports (one listener when they are equal; a loopback ephemeral port when both
    /// are off, so Kestrel does not fall back to its default address).</summary>
    private Listeners Listen(WebApplicationBuilder builder)
    {
        var result = new Listeners();
        builder.WebHost.ConfigureKestrel(k =>
        {
            var address = IPAddress.Parse(_options.ListenAddress);
            if (_options.HealthPort is { } hp)
            {
                k.Listen(address, hp, l => result.Health = l);
            }

            if (_options.MetricsPort is { } mp && (mp != _options.HealthPort || mp == 0))
            {
                k.Listen(address, mp, l => result.Metrics = l);
            }
            else if (_options.MetricsPort is not null)
            {
                result.Shared = true;
            }

            if (_options.HealthPort is null && _options.MetricsPort is null)
            {
                k.Listen(IPAddress.Loopback, 0);
            }
        });
        return result;
    }

    /// <summary>/healthz and /readyz only on the health port, /metrics only on the metrics port.</summary>
    private void Map(WebApplication app, Listeners listeners)
    {
        app.Use((context, next) =>
        {
            var port = context.Connection.LocalPort;
            var metrics = context.Request.Path.StartsWithSegments("/metrics", StringComparison.Ordinal);
            var allowed = listeners.Shared
                || (metrics ? listeners.Metrics?.IPEndPoint?.Port == port : listeners.Health?.IPEndPoint?.Port == port);
            if (!allowed)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapGet("/metrics", async context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await Metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
    }

    private Uri? Address(ListenOptions? listener) =>
        listener?.IPEndPoint is { } endpoint ? new Uri($"http://{(endpoint.Address.Equals(IPAddress.Any) ? "127.0.0.1" : endpoint.Address.ToString())}:{endpoint.Port}") : null;

    private sealed class Listeners
    {
        public ListenOptions? Health { get; set; }

        public ListenOptions? Metrics { get; set; }

        public bool Shared { get; set; }
    }

    private sealed record Components(ILogger Logger, WatchService Watches, LeaderElectionService Election);
}
