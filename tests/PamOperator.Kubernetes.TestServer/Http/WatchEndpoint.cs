using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Kubernetes.TestServer.Resources;
using PamOperator.Kubernetes.TestServer.Storage;

namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>
/// A watch stream: newline-delimited JSON events, flushed per line. Unset or "0" resourceVersion starts with
/// synthetic ADDED events; any other starts exactly after it, or is refused with 410 (in the configured form) when
/// the history was compacted. Bookmarks only when asked. Ends at timeoutSeconds, on client abort or when dropped.
/// When the client asks for a Table (kubectl get -w), each event carries a one-row Table, with the column
/// definitions on the first event only, as kube-apiserver does.
/// </summary>
internal sealed class WatchEndpoint(ServerContext context)
{
    public async Task StreamAsync(HttpContext http, ResourceType type, string? ns, IQueryCollection query, bool asTable)
    {
        var filter = ObjectFilter.Parse(query["labelSelector"], query["fieldSelector"]);
        var from = query["resourceVersion"].ToString();
        List<(string Type, JsonObject Object)> initial = [];
        WatchSubscription? subscription = null;
        long requested = 0;
        long current;
        lock (context.Store.Gate)
        {
            current = context.Store.CurrentResourceVersion;
            var exact = long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out requested) && requested > 0;
            if (!exact)
            {
                initial = context.Store.List(type.StorageKey, ns).Select(p => ("ADDED", p.Object)).Where(e => filter.Matches(e.Object)).ToList();
                subscription = context.Store.Hub.Subscribe();
            }
            else if (context.Store.EventsAfter(requested) is { } history)
            {
                initial = history.Select(e => Translate(e, type, ns, filter)).OfType<(string, JsonObject)>().ToList();
                subscription = context.Store.Hub.Subscribe();
            }
        }

        if (subscription is null)
        {
            await RefuseAsync(http, requested, current);
            return;
        }

        try
        {
            var stream = new EventStream(http, type, asTable ? context.Time : null);
            await ServeAsync(stream, query, ns, filter, initial, subscription);
        }
        catch (OperationCanceledException)
        {
            // The client went away, the timeout passed or a test dropped the watch: the stream simply ends.
        }
        finally
        {
            context.Store.Hub.Unsubscribe(subscription);
            if (subscription.Abort)
            {
                http.Abort();
            }
        }
    }

    private async Task ServeAsync(EventStream stream, IQueryCollection query, string? ns, ObjectFilter filter,
        List<(string Type, JsonObject Object)> initial, WatchSubscription subscription)
    {
        var (http, type) = (stream.Http, stream.Type);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, subscription.Dropped.Token);
        if (int.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var timeout) && timeout > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(timeout));
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        await http.Response.StartAsync(stop.Token);
        foreach (var (eventType, obj) in initial)
        {
            await stream.WriteAsync(eventType, obj, stop.Token);
        }

        if (query["allowWatchBookmarks"] == "true")
        {
            var bookmark = new JsonObject
            {
                ["metadata"] = new JsonObject { ["resourceVersion"] = context.Store.CurrentResourceVersion.ToString(CultureInfo.InvariantCulture) },
            };
            await WriteLineAsync(http, "BOOKMARK", ListReader.WithType(type, bookmark), stop.Token);
        }

        await foreach (var stored in subscription.Events.Reader.ReadAllAsync(stop.Token))
        {
            if (Translate(stored, type, ns, filter) is { } e)
            {
                await stream.WriteAsync(e.Type, e.Object, stop.Token);
            }
        }
    }

    private async Task RefuseAsync(HttpContext http, long requested, long current)
    {
        var gone = StatusBodies.Gone(requested, current);
        if (context.Options.GoneMode == GoneMode.HttpStatus)
        {
            await ResponseWriter.WriteAsync(http, new ApiResult(410, gone));
            return;
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        await WriteLineAsync(http, "ERROR", gone, http.RequestAborted);
    }

    /// <summary>Maps a stored change to what this watch sees, turning selector transitions into ADDED/DELETED.</summary>
    private static (string Type, JsonObject Object)? Translate(StoredEvent e, ResourceType type, string? ns, ObjectFilter filter)
    {
        if (e.StorageKey != type.StorageKey || (ns is not null && Meta.Str(e.Object, "namespace") != ns))
        {
            return null;
        }

        var now = filter.Matches(e.Object);
        var before = e.Previous is not null && filter.Matches(e.Previous);
        var obj = (JsonObject)e.Object.DeepClone();
        return (e.Type, now, before) switch
        {
            ("MODIFIED", true, false) => ("ADDED", obj),
            ("MODIFIED", false, true) => ("DELETED", obj),
            ("MODIFIED", false, false) => null,
            (_, false, _) => null,
            _ => (e.Type, obj),
        };
    }

    /// <summary>Writes object events, as the object or (when <paramref name="tableClock"/> is set) as a one-row Table.</summary>
    private sealed class EventStream(HttpContext http, ResourceType type, TimeProvider? tableClock)
    {
        private bool _columnsSent;

        public HttpContext Http => http;

        public ResourceType Type => type;

        public Task WriteAsync(string eventType, JsonObject obj, CancellationToken cancellationToken)
        {
            ListReader.WithType(type, obj);
            if (tableClock is null)
            {
                return WriteLineAsync(http, eventType, obj, cancellationToken);
            }

            var table = TableRenderer.Render(type, [obj], Meta.Str(obj, "resourceVersion") ?? string.Empty, tableClock.GetUtcNow());
            if (_columnsSent)
            {
                table.Remove("columnDefinitions");
            }

            _columnsSent = true;
            return WriteLineAsync(http, eventType, table, cancellationToken);
        }
    }

    private static async Task WriteLineAsync(HttpContext http, string type, JsonObject obj, CancellationToken cancellationToken)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj }.ToJsonString() + "\n";
        await http.Response.WriteAsync(line, cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
