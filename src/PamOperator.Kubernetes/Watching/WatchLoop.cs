using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.Watching;

/// <summary>
/// The watch state machine behind <see cref="KubernetesApiClient.WatchAsync"/>: list when there is no
/// resourceVersion (yielding Relisted), watch from the last resourceVersion seen, re-watch when a stream ends,
/// relist on 410 in either form, back off exponentially (bounded) on any other failure.
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

            var (response, error) = await TryOpenAsync(resourceVersion, cancellationToken);
            if (error is KubernetesStatusException { IsGone: true })
            {
                resourceVersion = null;
                continue;
            }

            if (response is null)
            {
                await BackoffAsync(error, cancellationToken);
                continue;
            }

            using (response)
            {
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
                var received = false;
                while (true)
                {
                    var (line, readError) = await TryReadLineAsync(reader, cancellationToken);
                    if (readError is not null || line is null)
                    {
                        await (readError is not null ? BackoffAsync(readError, cancellationToken) : received ? Task.CompletedTask : PauseAsync(cancellationToken));
                        break;
                    }

                    if (line.Length == 0 || JsonNode.Parse(line) is not JsonObject e || e["object"] is not JsonObject obj)
                    {
                        continue;
                    }

                    var type = e["type"]?.ToString();
                    if (type == "ERROR")
                    {
                        var status = KubernetesStatusException.FromStatus(obj["code"]?.GetValue<int>() ?? 500, obj, "WATCH", resource.CollectionPath(ns), null);
                        if (status.IsGone)
                        {
                            resourceVersion = null;
                        }
                        else
                        {
                            await BackoffAsync(status, cancellationToken);
                        }

                        break;
                    }

                    resourceVersion = obj.ResourceVersion() ?? resourceVersion;
                    received = true;
                    _failures = 0;
                    yield return new WatchEvent(Parse(type), obj);
                }
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

    private async Task<(HttpResponseMessage? Response, Exception? Error)> TryOpenAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        var path = resource.CollectionPath(ns) + KubernetesApiClient.Query(
            ("watch", "true"), ("resourceVersion", resourceVersion), ("allowWatchBookmarks", options.AllowBookmarks ? "true" : null),
            ("timeoutSeconds", options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)),
            ("labelSelector", options.LabelSelector), ("fieldSelector", options.FieldSelector));
        try
        {
            var response = await client.SendRawAsync(HttpMethod.Get, path, null, null, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode
                ? (response, null)
                : (null, await KubernetesApiClient.ErrorAsync(response, HttpMethod.Get, path, cancellationToken));
        }
        catch (Exception e) when (IsRecoverable(e, cancellationToken))
        {
            return (null, e);
        }
    }

    private static async Task<(string? Line, Exception? Error)> TryReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return (await reader.ReadLineAsync(cancellationToken), null);
        }
        catch (Exception e) when (IsRecoverable(e, cancellationToken))
        {
            return (null, e);
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

    private static bool IsRecoverable(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e is HttpRequestException or IOException or KubernetesStatusException or JsonException or OperationCanceledException;

    private static WatchEventType Parse(string? type) => type switch
    {
        "ADDED" => WatchEventType.Added,
        "MODIFIED" => WatchEventType.Modified,
        "DELETED" => WatchEventType.Deleted,
        _ => WatchEventType.Bookmark,
    };
}
