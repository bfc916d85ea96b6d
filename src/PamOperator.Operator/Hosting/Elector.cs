using Microsoft.Extensions.Logging;
using PamOperator.Kubernetes;
using PamOperator.Kubernetes.Leases;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// Leader election on the Lease: tries to acquire or renew every third of the lease duration, and runs
/// the lead callback while it holds the lease (cancelled as soon as a renewal fails). On shutdown the lease is
/// released, so a follower takes over at once instead of after the lease expires.
/// </summary>
internal sealed class Elector(IKubernetesApi api, OperatorOptions options, Readiness readiness, TimeProvider time, ILogger logger)
{
    public bool IsLeader { get; private set; }

    public async Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken cancellationToken)
    {
        var ns = options.LeaseNamespace ?? api.DefaultNamespace;
        var lease = new LeaseLock(api, new LeaseLockOptions(ns, options.LeaseName, options.Identity) { LeaseDuration = options.LeaseDuration }, time);
        CancellationTokenSource? leading = null;
        Task? running = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var held = await TryStepAsync(lease, cancellationToken);
                readiness.ElectionRan();
                if (held && leading is null)
                {
                    logger.LogInformation("became leader ({Identity})", options.Identity);
                    leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    running = lead(leading.Token);
                }
                else if (!held && leading is not null)
                {
                    logger.LogWarning("lost leadership ({Identity})", options.Identity);
                    await StopAsync(leading, running);
                    (leading, running) = (null, null);
                }

                IsLeader = held;
                await Task.Delay(options.LeaseDuration / 3, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            IsLeader = false;
            if (leading is not null)
            {
                await StopAsync(leading, running);
            }

            await lease.DisposeAsync();
        }
    }

    private async Task<bool> TryStepAsync(LeaseLock lease, CancellationToken cancellationToken)
    {
        try
        {
            return await lease.TryAcquireOrRenewAsync(cancellationToken);
        }
        catch (Exception e) when (e is KubernetesStatusException or HttpRequestException)
        {
            logger.LogWarning("leader election step failed: {Error}", e.Message);
            return false;
        }
    }

    private static async Task StopAsync(CancellationTokenSource leading, Task? running)
    {
        await leading.CancelAsync();
        try
        {
            await (running ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
            // Leadership ended.
        }

        leading.Dispose();
    }
}
