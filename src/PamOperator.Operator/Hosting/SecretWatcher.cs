using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PamOperator.Kubernetes;
using PamOperator.Kubernetes.Watching;
using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// Watches Kubernetes Secrets so that a changed Secret is applied at once, not at the next resync: a Secret added,
/// changed or deleted enqueues the custom resources that reference it (<see cref="SecretReferrers"/>); for a
/// ProviderConfig, every object of it. Only each Secret's namespace, name and resourceVersion are kept; the data that
/// the watch delivers is dropped unread, never stored or logged. After a relist (expired history), the Secrets whose
/// resourceVersion changed, appeared or vanished meanwhile are treated as changed.
/// </summary>
internal sealed class SecretWatcher(IKubernetesApi api, ResourceCache cache, Watcher watcher, OperatorOptions options, ILogger logger)
{
    private readonly ConcurrentDictionary<(string Ns, string Name), string> _versions = new();

    /// <summary>Namespaces to watch: all (null) when the operator watches all; else the watched namespace and, when
    /// different, the operator's own (where ProviderConfig credentials live by default).</summary>
    public IReadOnlyList<string?> Namespaces() =>
        options.Namespace is null ? [null]
        : string.Equals(options.Namespace, api.DefaultNamespace, StringComparison.Ordinal) ? [options.Namespace]
        : [options.Namespace, api.DefaultNamespace];

    /// <summary>Runs until cancelled; resume and relist are the client's.</summary>
    public async Task RunAsync(string? ns, CancellationToken cancellationToken)
    {
        var watch = new WatchOptions { TimeoutSeconds = options.WatchTimeoutSeconds, IdleTimeout = options.WatchIdleTimeout };
        var listed = false;
        await foreach (var e in api.WatchAsync(ResourceRef.Secrets, ns, watch, cancellationToken))
        {
            switch (e.Type)
            {
                case WatchEventType.Relisted:
                    Relisted(ns, e.Snapshot ?? [], notify: listed);
                    listed = true;
                    break;
                case WatchEventType.Added or WatchEventType.Modified when Identify(e.Object) is { } id:
                    if (!_versions.TryGetValue(id.Key, out var known) || known != id.Version)
                    {
                        _versions[id.Key] = id.Version;
                        Changed(id.Key);
                    }

                    break;
                case WatchEventType.Deleted when Identify(e.Object) is { } gone:
                    _versions.TryRemove(gone.Key, out _);
                    Changed(gone.Key);
                    break;
                default:
                    break;
            }
        }
    }

    private void Relisted(string? ns, IReadOnlyList<JsonObject> snapshot, bool notify)
    {
        var fresh = new Dictionary<(string Ns, string Name), string>();
        foreach (var secret in snapshot)
        {
            if (Identify(secret) is { } id)
            {
                fresh[id.Key] = id.Version;
            }
        }

        var mine = _versions.Keys.Where(k => ns is null || k.Ns == ns).ToList();
        var changed = mine.Where(k => !fresh.TryGetValue(k, out var v) || v != _versions[k])
            .Concat(fresh.Keys.Where(k => !_versions.ContainsKey(k))).ToList();
        foreach (var key in mine.Where(k => !fresh.ContainsKey(k)))
        {
            _versions.TryRemove(key, out _);
        }

        foreach (var (key, version) in fresh)
        {
            _versions[key] = version;
        }

        logger.LogInformation("listed {Count} Secret(s) in {Namespace}", fresh.Count, ns ?? "(all)");
        if (notify)
        {
            changed.ForEach(Changed);
        }
    }

    private void Changed((string Ns, string Name) key)
    {
        var referrers = SecretReferrers.Of(cache, key.Ns, key.Name, api.DefaultNamespace);
        if (referrers.Count == 0)
        {
            return;
        }

        logger.LogInformation("Secret {Namespace}/{Name} changed: reconciling {Count} object(s) that reference it", key.Ns, key.Name, referrers.Count);
        foreach (var resource in referrers)
        {
            watcher.Enqueue(resource);
        }
    }

    private static ((string Ns, string Name) Key, string Version)? Identify(JsonObject? secret) =>
        secret?.Namespace() is { } ns && secret.Name() is { } name ? ((ns, name), secret.ResourceVersion() ?? "") : null;
}
