using System.Net;
using k8s.Autorest;
using k8s.LeaderElection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PamOperator.Kubernetes;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// The elector, as a hosted service: the official client's <see cref="LeaderElector"/> on the Lease (renew deadline,
/// retry period and lease duration from <see cref="OperatorOptions"/>, validated so that a leader that cannot renew
/// stops before anyone else may take over). While this instance leads, <see cref="Leadership"/> runs the
/// workers and the resync; when a renewal misses its deadline the term is cancelled at once, and a new term starts only
/// after the old one's workers have all stopped. On shutdown the Lease is released (holder cleared), so a follower
/// takes over at once. Without leader election the term runs until shutdown.
/// </summary>
internal sealed class LeaderElectionService(IKubernetesApi api, OperatorOptions options, Leadership leadership, Readiness readiness, Liveness liveness, ILogger logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.LeaderElect)
        {
            readiness.ElectionRan();
            leadership.Start(stoppingToken);
            await leadership.StopAsync();
            return;
        }

        var ns = options.LeaseNamespace ?? api.DefaultNamespace;
        var lease = new ObservedLock(api.LeaseLock(ns, options.LeaseName, options.Identity), readiness, liveness);
        using var elector = new LeaderElector(new LeaderElectionConfig(lease)
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        });
        elector.OnStartedLeading += () =>
        {
            logger.LogInformation("became leader ({Identity})", options.Identity);
            leadership.Start(stoppingToken);
        };
        elector.OnStoppedLeading += () =>
        {
            logger.LogWarning("stopped leading ({Identity}): reconciling stops now", options.Identity);
            leadership.Cancel();
        };
        elector.OnNewLeader += holder => logger.LogInformation("leader is now {Holder}", string.IsNullOrEmpty(holder) ? "(none)" : holder);
        elector.OnError += e => logger.LogWarning("leader election step failed: {Error}", Describe(e));
        try
        {
            await elector.RunAndTryToHoldLeadershipForeverAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            var led = leadership.Cancel();
            await leadership.StopAsync();
            if (led)
            {
                await ReleaseAsync(ns);
            }
        }
    }

    /// <summary>Clears the holder (duration 1 s) if this instance still holds the Lease; a courtesy, the Lease expires anyway.</summary>
    private async Task ReleaseAsync(string ns)
    {
        using var timeout = new CancellationTokenSource(options.RenewDeadline);
        try
        {
            var current = await api.GetAsync(ResourceRef.Leases, ns, options.LeaseName, timeout.Token);
            if (current["spec"] is System.Text.Json.Nodes.JsonObject spec && spec["holderIdentity"]?.ToString() == options.Identity)
            {
                spec["holderIdentity"] = string.Empty;
                spec["leaseDurationSeconds"] = 1;
                await api.ReplaceAsync(ResourceRef.Leases, current, timeout.Token);
                logger.LogInformation("released the Lease {Namespace}/{Name}", ns, options.LeaseName);
            }
        }
        catch (Exception e) when (e is KubernetesStatusException or HttpRequestException or OperationCanceledException)
        {
            logger.LogWarning("the Lease was not released (it expires on its own): {Error}", e.Message);
        }
    }

    /// <summary>The client's exceptions hold request and response bodies: log only what classifies them.</summary>
    private static string Describe(Exception e) => e switch
    {
        HttpOperationException h => $"HTTP {(int)(h.Response?.StatusCode ?? 0)} {h.Response?.StatusCode ?? HttpStatusCode.ServiceUnavailable}",
        KubernetesStatusException k => k.Message,
        _ => e.GetType().Name + (e is HttpRequestException or OperationCanceledException or TimeoutException ? ": " + e.Message : string.Empty),
    };

    /// <summary>The client's Lease lock, with each completed step (success or failure) counted as election progress.</summary>
    private sealed class ObservedLock(ILock inner, Readiness readiness, Liveness liveness) : ILock
    {
        public string Identity => inner.Identity;

        public async Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.GetAsync(cancellationToken);
            }
            finally
            {
                readiness.ElectionRan();
                liveness.ElectionStepped();
            }
        }

        public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) => inner.CreateAsync(record, cancellationToken);

        public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) => inner.UpdateAsync(record, cancellationToken);

        public string Describe() => inner.Describe();
    }
}
