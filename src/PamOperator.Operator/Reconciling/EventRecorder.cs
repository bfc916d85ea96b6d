using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PamOperator.Kubernetes;
using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Writes core/v1 Events about custom resources (Normal: Created, Updated, Deleted; Warning: failures). Best effort:
/// a failed write is logged and never fails a reconcile. Messages never carry a secret.
/// </summary>
internal sealed class EventRecorder(IKubernetesApi api, string defaultNamespace, TimeProvider time, ILogger logger)
{
    public const string Component = "pam-operator";

    public async Task RecordAsync(CustomResource resource, bool warning, string reason, string message, CancellationToken cancellationToken)
    {
        var ns = resource.Key.Namespace ?? defaultNamespace;
        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var name = $"{resource.Key.Name}.{time.GetUtcNow().ToUnixTimeMilliseconds():x}{Random.Shared.Next(0x10000):x4}";
        var ev = KubernetesObjects.New(ResourceRef.Events, "Event", ns, name);
        ev["involvedObject"] = new JsonObject
        {
            ["apiVersion"] = resource.Object["apiVersion"]?.DeepClone(),
            ["kind"] = resource.Object["kind"]?.DeepClone(),
            ["name"] = resource.Key.Name,
            ["namespace"] = resource.Key.Namespace,
            ["uid"] = resource.Object["metadata"]?["uid"]?.DeepClone(),
        };
        ev["reason"] = reason;
        ev["message"] = message.Length > 1000 ? message[..1000] : message;
        ev["type"] = warning ? "Warning" : "Normal";
        ev["source"] = new JsonObject { ["component"] = Component };
        ev["firstTimestamp"] = now;
        ev["lastTimestamp"] = now;
        ev["count"] = 1;
        try
        {
            await api.CreateAsync(ResourceRef.Events, ns, ev, cancellationToken);
        }
        catch (Exception e) when (e is KubernetesStatusException or HttpRequestException)
        {
            logger.LogWarning("event for {Resource} not written: {Error}", resource.Key.ToString(), e.Message);
        }
    }
}
