using Microsoft.Extensions.Logging;
using PamOperator.Kubernetes;
using PamOperator.Operator.Queue;
using PamOperator.Operator.Reconciling;
using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// Takes batches off the queue while this instance leads: waits for a group, lets the batch window fill (longer while
/// keys keep arriving, up to a bound), drains the group's keys, reconciles them as one batch, then retries the keys
/// whose outcome asks for it (with backoff) and forgets the others. A key the batch did not hold because its object now belongs to another ProviderConfig is added
/// under that one (not dropped). A Kubernetes failure during a batch retries all its keys. Each batch taken or finished
/// is progress for <see cref="Liveness"/>.
/// </summary>
internal sealed class Worker(
    WorkQueue queue, BatchReconciler reconciler, ResourceCache cache, OperatorOptions options, TimeProvider time, OperatorMetrics metrics, Liveness liveness, ILogger logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            liveness.Progressed();
            var group = await queue.NextGroupAsync(cancellationToken);
            metrics.WorkerBusy(+1);
            try
            {
                liveness.Progressed();
                await SettleAsync(group, cancellationToken);
                var keys = queue.Drain(group);
                if (keys.Count == 0)
                {
                    continue;
                }

                await ReconcileAsync(group, keys, cancellationToken);
            }
            finally
            {
                queue.Done(group);
                metrics.WorkerBusy(-1);
                liveness.Progressed();
            }
        }
    }

    /// <summary>Lets the batch window fill, and keeps waiting window by window while keys still arrive (bounded by
    /// <see cref="OperatorOptions.BatchMaxWait"/>): each batch observes the PAM once, so fewer batches, fewer observations.</summary>
    private async Task SettleAsync(string group, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var before = queue.Pending(group);
        while (true)
        {
            await Task.Delay(options.BatchWindow, time, cancellationToken);
            var after = queue.Pending(group);
            if (!WorkQueue.KeepSettling(before, after, time.GetElapsedTime(started), options.BatchWindow, options.BatchMaxWait))
            {
                return;
            }

            before = after;
        }
    }

    private async Task ReconcileAsync(string group, IReadOnlyList<ResourceKey> keys, CancellationToken cancellationToken)
    {
        try
        {
            var outcomes = await reconciler.ReconcileAsync(group, keys, cancellationToken);
            foreach (var key in keys)
            {
                if (outcomes.TryGetValue(key, out var outcome))
                {
                    if (outcome.Retry)
                    {
                        queue.Retry(group, key);
                    }
                    else
                    {
                        queue.Forget(key);
                    }
                }
                else if (cache.Get(key) is { Kind.IsProviderConfig: false } moved && cache.GroupOf(moved) is var current && current != group)
                {
                    logger.LogInformation("{Key} now belongs to ProviderConfig {ProviderConfig}: requeued there", key.ToString(), current);
                    queue.Add(current, key);
                }
                else
                {
                    queue.Forget(key);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A Kubernetes failure (or a bug) fails the batch, not the worker: its keys are retried with backoff.
            logger.LogWarning("batch of ProviderConfig {ProviderConfig} failed, retrying with backoff: {Error}", group,
                e is KubernetesStatusException or HttpRequestException ? e.Message : e.GetType().Name);
            foreach (var key in keys)
            {
                queue.Retry(group, key);
            }
        }
    }
}
