using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PamOperator.Core.Security;
using PamOperator.Kubernetes;
using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Writes events about custom resources (Normal: Created, Updated, Replaced, Deleted; Warning: failures) through
/// events.k8s.io/v1, as client-go's events recorder does: a repeat of the same event (same object, type, reason and
/// note) within <see cref="SeriesWindow"/> is not a new Event but a patch of the first one's <c>series</c> (count and
/// lastObservedTime), so a failure retried with backoff is one Event with a growing count. Only events.k8s.io/v1 (every
/// Kubernetes release since 1.19 serves it), so the RBAC grants create and patch of that API's events and nothing of
/// core/v1. Notes are redacted and bounded. Best effort: a failed write is logged and never fails a reconcile.
/// </summary>
internal sealed class EventRecorder(IKubernetesApi api, string defaultNamespace, TimeProvider time, ILogger logger, SecretRedactor redactor)
{
    public const string Component = "pam-operator";

    public static readonly ResourceRef EventsV1 = new("events.k8s.io", "v1", "events", true);

    /// <summary>How long a repeat counts as the same series (client-go: 6 minutes).</summary>
    public static readonly TimeSpan SeriesWindow = TimeSpan.FromMinutes(6);

    private readonly ConcurrentDictionary<(string Ns, string Uid, string Type, string Reason, string Note), Series> _series = new();

    public async Task RecordAsync(CustomResource resource, bool warning, string reason, string message, CancellationToken cancellationToken)
    {
        var ns = resource.Key.Namespace ?? defaultNamespace;
        var note = redactor.Redact(message.Length > 1000 ? message[..1000] : message) ?? string.Empty;
        var type = warning ? "Warning" : "Normal";
        var uid = resource.Object["metadata"]?["uid"]?.ToString() ?? resource.Key.ToString();
        var key = (ns, uid, type, reason, note);
        var now = time.GetUtcNow();
        try
        {
            if (_series.TryGetValue(key, out var series) && now - series.Last < SeriesWindow)
            {
                series.Count++;
                series.Last = now;
                await PatchAsync(series, now, cancellationToken);
                return;
            }

            var created = await CreateAsync(resource, ns, type, reason, note, now, cancellationToken);
            _series[key] = created;
            foreach (var stale in _series.Where(p => now - p.Value.Last >= SeriesWindow).Select(p => p.Key).ToList())
            {
                _series.TryRemove(stale, out _);
            }
        }
        catch (Exception e) when (e is KubernetesStatusException or HttpRequestException)
        {
            logger.LogWarning("event for {Resource} not written: {Error}", resource.Key.ToString(), e.Message);
        }
    }

    private async Task<Series> CreateAsync(CustomResource resource, string ns, string type, string reason, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = $"{resource.Key.Name}.{now.ToUnixTimeMilliseconds():x}{Random.Shared.Next(0x10000):x4}";
        var regarding = new JsonObject
        {
            ["apiVersion"] = resource.Object["apiVersion"]?.DeepClone(),
            ["kind"] = resource.Object["kind"]?.DeepClone(),
            ["name"] = resource.Key.Name,
            ["namespace"] = resource.Key.Namespace,
            ["uid"] = resource.Object["metadata"]?["uid"]?.DeepClone(),
        };
        var ev = KubernetesObjects.New(EventsV1, "Event", ns, name);
        ev["eventTime"] = MicroTime(now);
        ev["reportingController"] = "pamoperator.io/" + Component;
        ev["reportingInstance"] = Component;
        ev["action"] = type == "Warning" ? "Reconcile" : reason;
        ev["reason"] = reason;
        ev["note"] = note;
        ev["type"] = type;
        ev["regarding"] = regarding;
        await api.CreateAsync(EventsV1, ns, ev, cancellationToken);
        return new Series(ns, name, now);
    }

    private Task PatchAsync(Series series, DateTimeOffset now, CancellationToken cancellationToken) =>
        api.PatchAsync(EventsV1, series.Namespace, series.Name, PatchType.Merge,
            new JsonObject { ["series"] = new JsonObject { ["count"] = series.Count, ["lastObservedTime"] = MicroTime(now) } }, cancellationToken);

    private static string MicroTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private sealed class Series(string ns, string name, DateTimeOffset first)
    {
        public string Namespace { get; } = ns;

        public string Name { get; } = name;

        public int Count { get; set; } = 1;

        public DateTimeOffset Last { get; set; } = first;
    }
}
