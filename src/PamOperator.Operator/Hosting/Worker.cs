using Microsoft.Extensions.Logging;
using PamOperator.Kubernetes;
using PamOperator.Operator.Queue;
using PamOperator.Operator.Reconciling;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// Takes batches off the queue while this instance leads: waits for a group, lets the batch window fill, drains the
/// group's keys, reconciles them as one batch, then retries the keys whose outcome asks for it (with backoff) and
/// forgets the others. A Kubernetes failure during a batch retries all its keys.
/// </summary>
internal sealed class Worker(WorkQueue queue, BatchReconciler reconciler, OperatorOptions options, TimeProvider time, ILogger logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var group = await queue.NextGroupAsync(cancellationToken);
            try
            {
                await Task.Delay(options.BatchWindow, time, cancellationToken);
                var keys = queue.Drain(group);
                if (keys.Count == 0)
                {
                    continue;
                }

                try
                {
                    var outcomes = await reconciler.ReconcileAsync(group, keys, cancellationToken);
                    foreach (var key in keys)
                    {
                        if (outcomes.TryGetValue(key, out var outcome) && outcome.Retry)
                        {
                            queue.Retry(group, key);
                        }
                        else
                        {
                            queue.Forget(key);
                        }
                    }
                }
                catch (Exception e) when (e is KubernetesStatusException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning("batch of ProviderConfig {ProviderConfig} failed, retrying with backoff: {Error}", group, e.Message);
                    foreach (var key in keys)
                    {
                        queue.Retry(group, key);
                    }
                }
            }
            finally
            {
                queue.Done(group);
            }
        }
    }
}
