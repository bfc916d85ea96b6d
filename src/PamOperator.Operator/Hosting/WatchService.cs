using Microsoft.Extensions.Hosting;
using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Hosting;

/// <summary>The watches as a hosted service: one per kind and one per Secret namespace, always (so a follower is warm
/// and takes over with a full cache). They end when the host stops.</summary>
internal sealed class WatchService(Watcher watcher, SecretWatcher secrets) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(OperatorKind.All.Select(k => Guard(() => watcher.RunAsync(k, stoppingToken)))
            .Concat(secrets.Namespaces().Select(ns => Guard(() => secrets.RunAsync(ns, stoppingToken)))));

    internal static async Task Guard(Func<Task> loop)
    {
        try
        {
            await loop();
        }
        catch (OperationCanceledException)
        {
            // Shutdown, or the end of a leadership term.
        }
    }
}
