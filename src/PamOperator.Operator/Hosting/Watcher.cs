using Microsoft.Extensions.Logging;
using PamOperator.Kubernetes;
using PamOperator.Kubernetes.Watching;
using PamOperator.Operator.Queue;
using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// One watch loop per kind: keeps the cache current and enqueues what changed meaningfully (spec, deletion,
/// finalizers, labels, annotations; not our own status writes). A relist (start, or after the server's history
/// expired) replaces the kind's cache and enqueues everything, so nothing is missed. A ProviderConfig change enqueues
/// every object of that ProviderConfig. Resume and relist are the client's (<see cref="IKubernetesApi.WatchAsync"/>).
/// </summary>
internal sealed class Watcher(IKubernetesApi api, ResourceCache cache, WorkQueue queue, Readiness readiness, OperatorOptions options, ILogger logger)
{
    public async Task RunAsync(OperatorKind kind, CancellationToken cancellationToken)
    {
        var ns = kind.Resource.Namespaced ? options.Namespace : null;
        var watch = new WatchOptions { TimeoutSeconds = options.WatchTimeoutSeconds, IdleTimeout = options.WatchIdleTimeout };
        await foreach (var e in api.WatchAsync(kind.Resource, ns, watch, cancellationToken))
        {
            switch (e.Type)
            {
                case WatchEventType.Relisted:
                    cache.Replace(kind, e.Snapshot ?? []);
                    readiness.WatchEstablished(kind.Id);
                    logger.LogInformation("listed {Count} {Kind} object(s)", e.Snapshot?.Count ?? 0, kind.Descriptor.Kind);
                    EnqueueKind(kind);
                    break;
                case WatchEventType.Added or WatchEventType.Modified when e.Object is not null:
                    var previous = cache.Put(kind, e.Object);
                    var current = new CustomResource(kind, e.Object);
                    if (current.DiffersMeaningfullyFrom(previous))
                    {
                        Enqueue(current);
                    }

                    break;
                case WatchEventType.Deleted when e.Object is not null:
                    var gone = new CustomResource(kind, e.Object);
                    var group = kind.IsProviderConfig ? null : cache.GroupOf(gone);
                    cache.Remove(gone.Key);
                    if (kind.IsProviderConfig)
                    {
                        Enqueue(gone);
                    }
                    else
                    {
                        // One user fewer: the ProviderConfig's status (users) and in-use finalizer follow.
                        queue.Add(group!, ProviderConfigKey(group!));
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Enqueues every cached object (the periodic drift resync, and becoming leader).</summary>
    public void EnqueueAll()
    {
        foreach (var resource in cache.All())
        {
            queue.Add(resource.Kind.IsProviderConfig ? resource.Key.Name : cache.GroupOf(resource), resource.Key);
        }
    }

    private static ResourceKey ProviderConfigKey(string name) => new(OperatorKind.ProviderConfig.Id, null, name);

    private void EnqueueKind(OperatorKind kind)
    {
        if (kind.IsProviderConfig)
        {
            EnqueueAll();
            return;
        }

        foreach (var resource in cache.All().Where(r => r.Kind == kind))
        {
            queue.Add(cache.GroupOf(resource), resource.Key);
        }
    }

    /// <summary>Enqueues <paramref name="resource"/>; for a ProviderConfig, every vendor object (they may belong to it).</summary>
    public void Enqueue(CustomResource resource)
    {
        if (!resource.Kind.IsProviderConfig)
        {
            queue.Add(cache.GroupOf(resource), resource.Key);
            return;
        }

        queue.Add(resource.Key.Name, resource.Key);
        foreach (var member in cache.All().Where(r => !r.Kind.IsProviderConfig))
        {
            queue.Add(cache.GroupOf(member), member.Key);
        }
    }
}
