using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;

namespace PamOperator.Kubernetes.Watching;

/// <summary>
/// The list-then-watch loop behind <see cref="KubernetesApiClient.WatchAsync"/>, the one piece the official client
/// lacks (its watcher reads one stream): list when there is no resourceVersion (yielding Relisted), watch from the last
/// resourceVersion seen through the client's watcher, re-watch when a stream ends, relist on 410 in either form (HTTP
/// 410, or a 200 stream carrying an ERROR Status with code 410), abandon a stream silent for
/// <see cref="WatchOptions.IdleTimeout"/> (a black-holed connection), and back off exponentially (bounded) on any other
/// failure.
/// </summary>
internal sealed class WatchLoop(KubernetesApiClient client, ResourceRef resource, string? ns, WatchOptions options)
{
    private int _failures;

    public async IAsyncEnumerable<WatchEvent> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resourceVersion = options.ResourceVersion;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (resourceVersion is null)
            {
                var (list, listError) = await TryListAsync(cancellationToken);
                if (list is null)
                {
                    await BackoffAsync(listError, cancellationToken);
                    continue;
                }

                resourceVersion = list.ResourceVersion;
                _failures = 0;
                yield return new WatchEvent(WatchEventType.Relisted, null, list.Items);
                continue;
            }

            using var stream = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stream.CancelAfter(options.IdleTimeout);
            Exception? streamError = null;
            var events = client.Watch(resource, ns, resourceVersion, options, e => streamError ??= e, stream.Token);
            var received = false;
            await using var enumerator = events.GetAsyncEnumerator(stream.Token);
            while (true)
            {
                var (more, readError) = await TryMoveAsync(enumerator, cancellationToken);
                if (streamError is not null)
                {
                    // The server sent an ERROR Status (the client's watcher reports it, then reads on): stop this stream.
                    var status = streamError is KubernetesException k ? KubernetesErrors.From(k, "WATCH", resource.CollectionPath(ns)) : null;
                    if (status is { IsGone: true })
                    {
                        resourceVersion = null;
                    }
                    else
                    {
                        await BackoffAsync(status ?? streamError, cancellationToken);
                    }

                    break;
                }

                if (readError is KubernetesStatusException { IsGone: true })
                {
                    resourceVersion = null;
                    break;
                }

                if (readError is not null || !more)
                {
                    await (readError is not null ? BackoffAsync(readError, cancellationToken) : received ? Task.CompletedTask : PauseAsync(cancellationToken));
                    break;
                }

                var (type, raw) = enumerator.Current;
                stream.CancelAfter(options.IdleTimeout);
                if (ToObject(raw) is not { } obj)
                {
                    continue;
                }

                resourceVersion = obj.ResourceVersion() ?? resourceVersion;
                received = true;
                _failures = 0;
                yield return new WatchEvent(Parse(type), obj);
            }
        }
    }

    private async Task<(ObjectList? List, Exception? Error)> TryListAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await client.ListAsync(resource, ns, new ListOptions(options.LabelSelector, options.FieldSelector), cancellationToken), null);
        }
        catch (Exception e) when (IsRecoverable(e, cancellationToken))
        {
            return (null, e);
        }
    }

    private async Task<(bool More, Exception? Error)> TryMoveAsync<T>(IAsyncEnumerator<T> enumerator, CancellationToken cancellationToken)
    {
        try
        {
            return (await enumerator.MoveNextAsync(), null);
        }
        catch (HttpOperationException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, KubernetesErrors.From(e, "WATCH", resource.CollectionPath(ns)));
        }
        catch (Exception e) when (IsRecoverable(e, cancellationToken))
        {
            return (false, e);
        }
    }

    /// <summary>Waits min(max, initial * 2^failures), or the server's Retry-After when that is longer.</summary>
    private Task BackoffAsync(Exception? error, CancellationToken cancellationToken)
    {
        var exponent = Math.Min(_failures++, 20);
        var delay = TimeSpan.FromTicks(Math.Min(options.MaxBackoff.Ticks, options.InitialBackoff.Ticks * (1L << exponent)));
        if (error is KubernetesStatusException { RetryAfter: { } retryAfter } && retryAfter > delay)
        {
            delay = retryAfter < options.MaxBackoff ? retryAfter : options.MaxBackoff;
        }

        return Task.Delay(delay, client.TimeProvider, cancellationToken);
    }

    /// <summary>A stream that ended without any event: pause once, so a server that closes at once is not hammered.</summary>
    private Task PauseAsync(CancellationToken cancellationToken) => Task.Delay(options.InitialBackoff, client.TimeProvider, cancellationToken);

    /// <summary>Anything but the caller's own cancellation: a stream's idle timeout is an OperationCanceledException too.</summary>
    private static bool IsRecoverable(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e is HttpRequestException or IOException or KubernetesStatusException or KubernetesException or JsonException or OperationCanceledException;

    private static JsonObject? ToObject(object raw) => raw switch
    {
        JsonObject o => o,
        JsonElement { ValueKind: JsonValueKind.Object } e => JsonNode.Parse(e.GetRawText()) as JsonObject,
        _ => null,
    };

    private static WatchEventType Parse(k8s.WatchEventType type) => type switch
    {
        k8s.WatchEventType.Added => WatchEventType.Added,
        k8s.WatchEventType.Modified => WatchEventType.Modified,
        k8s.WatchEventType.Deleted => WatchEventType.Deleted,
        _ => WatchEventType.Bookmark,
    };
}
