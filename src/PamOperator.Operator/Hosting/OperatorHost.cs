using Microsoft.Extensions.Logging;
using PamOperator.Kubernetes;
using PamOperator.Operator.Queue;
using PamOperator.Operator.Reconciling;
using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// The operator process: health and metrics endpoints, one watch per kind and one on Secrets (always, so a follower
/// is warm), leader election, and while leading: the workers and the periodic jittered drift resync.
/// <see cref="RunAsync"/> returns when cancelled, after releasing the lease. One instance per process.
/// </summary>
public sealed class OperatorHost(IKubernetesApi api, OperatorOptions options, ILoggerFactory loggers, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ResourceCache _cache = new();

    public OperatorMetrics Metrics { get; } = new();

    public Readiness Readiness { get; } = new(OperatorKind.All.Count, options.LeaderElect);

    /// <summary>Set once the endpoints listen (null when disabled).</summary>
    public Uri? HealthAddress { get; private set; }

    public Uri? MetricsAddress { get; private set; }

    public bool IsLeader { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("PamOperator.Operator");
        var queue = new WorkQueue(_time, options.Backoff);
        Metrics.QueueDepth = () => queue.Depth;
        Metrics.IsLeader = () => IsLeader;
        await using var health = options.HealthPort is { } hp
            ? await EndpointServer.StartAsync(options.ListenAddress, hp, a => EndpointServer.MapHealth(a, Readiness), cancellationToken) : null;
        await using var metrics = options.MetricsPort is { } mp
            ? await EndpointServer.StartAsync(options.ListenAddress, mp, a => EndpointServer.MapMetrics(a, Metrics), cancellationToken) : null;
        (HealthAddress, MetricsAddress) = (health?.Address, metrics?.Address);

        var watcher = new Watcher(api, _cache, queue, Readiness, options, logger);
        var reconciler = new BatchReconciler(api, _cache, new ManifestConverter(), Metrics, _time, logger, api.DefaultNamespace, options.JournalDirectory);
        JournalRecovery.Report(options.JournalDirectory, logger);
        var secretWatcher = new SecretWatcher(api, _cache, watcher, options, logger);
        var watches = OperatorKind.All.Select(k => Guard(() => watcher.RunAsync(k, cancellationToken)))
            .Concat(secretWatcher.Namespaces().Select(ns => Guard(() => secretWatcher.RunAsync(ns, cancellationToken)))).ToList();
        logger.LogInformation("operator started: namespace {Namespace}, leader election {LeaderElect}, resync {Resync}",
            options.Namespace ?? "(all)", options.LeaderElect, options.Resync);

        Task Lead(CancellationToken leading)
        {
            IsLeader = true;
            watcher.EnqueueAll();
            var work = Enumerable.Range(0, Math.Max(1, options.Workers))
                .Select(_ => Guard(() => new Worker(queue, reconciler, options, _time, logger).RunAsync(leading)))
                .Append(Guard(() => ResyncAsync(watcher, leading)));
            return Task.WhenAll(work).ContinueWith(_ => IsLeader = false, TaskScheduler.Default);
        }

        if (options.LeaderElect)
        {
            var elector = new Elector(api, options, Readiness, _time, logger);
            await elector.RunAsync(Lead, cancellationToken);
        }
        else
        {
            await Lead(cancellationToken);
        }

        await Task.WhenAll(watches);
        logger.LogInformation("operator stopped");
    }

    private async Task ResyncAsync(Watcher watcher, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var jitter = 1 + ((Random.Shared.NextDouble() * 0.2) - 0.1);
            await Task.Delay(options.Resync * jitter, _time, cancellationToken);
            watcher.EnqueueAll();
        }
    }

    private static async Task Guard(Func<Task> loop)
    {
        try
        {
            await loop();
        }
        catch (OperationCanceledException)
        {
            // Shutdown or lost leadership.
        }
    }
}
