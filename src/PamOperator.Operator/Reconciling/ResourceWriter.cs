using System.Text.Json.Nodes;
using PamOperator.Core.Security;
using PamOperator.Kubernetes;
using PamOperator.Operator.Resources;
using PamOperator.Operator.Status;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// The operator's writes to custom resources: finalizers (merge patch with the read resourceVersion as precondition,
/// so a concurrent change is a conflict, retried) and status (merge patch on the /status subresource only, skipped
/// when nothing changed; messages redacted). Successful writes update the cache, so our own change does not trigger another reconcile.
/// </summary>
internal sealed class ResourceWriter(IKubernetesApi api, ResourceCache cache, TimeProvider time, SecretRedactor redactor)
{
    /// <summary>Adds (or removes) the finalizer. Returns false when the object changed meanwhile or is gone.</summary>
    public async Task<bool> SetFinalizerAsync(CustomResource resource, bool present, CancellationToken cancellationToken, string finalizer = CustomResource.Finalizer)
    {
        var finalizers = resource.Object.Finalizers().Where(f => f != finalizer).ToList();
        if (present)
        {
            finalizers.Add(finalizer);
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = resource.Object.ResourceVersion(),
                ["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)JsonValue.Create(f))]),
            },
        };
        try
        {
            var updated = await api.PatchAsync(resource.Kind.Resource, resource.Key.Namespace, resource.Key.Name, PatchType.Merge, patch, cancellationToken);
            cache.Put(resource.Kind, updated);
            return true;
        }
        catch (KubernetesStatusException e) when (e.IsConflict || e.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>Writes the status for <paramref name="outcome"/> when it differs from the current one.</summary>
    public async Task WriteStatusAsync(CustomResource resource, ObjectOutcome outcome, CancellationToken cancellationToken, Action<JsonObject>? extra = null)
    {
        var status = StatusBuilder.Build(resource.Status, outcome with { Message = redactor.Redact(outcome.Message) ?? string.Empty },
            resource.Generation, time.GetUtcNow(), resource.IsDeleting);
        extra?.Invoke(status);
        if (JsonNode.DeepEquals(status, resource.Status))
        {
            return;
        }

        try
        {
            var updated = await api.PatchStatusAsync(resource.Kind.Resource, resource.Key.Namespace, resource.Key.Name, PatchType.Merge,
                new JsonObject { ["status"] = status }, cancellationToken);
            cache.Put(resource.Kind, updated);
        }
        catch (KubernetesStatusException e) when (e.IsNotFound)
        {
            // Deleted meanwhile: nothing to report on.
        }
    }
}
