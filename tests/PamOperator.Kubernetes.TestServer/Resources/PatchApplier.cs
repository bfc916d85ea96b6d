using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Kubernetes.TestServer.Http;
using PamOperator.Kubernetes.TestServer.Ownership;
using PamOperator.Kubernetes.TestServer.Patching;
using PamOperator.Kubernetes.TestServer.Storage;

namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>
/// PATCH in its four content types: merge, JSON patch, strategic merge (built-ins only, approximated as a merge
/// patch; on a custom resource it is 415, as kube-apiserver answers) and
/// server-side apply (create if absent, merged otherwise, with field ownership, conflicts and removal of fields a
/// manager stopped applying: <see cref="Ownership.ManagedFields"/>).
/// A patch that sets metadata.resourceVersion acts as a precondition. Callers hold the lock.
/// </summary>
internal sealed class PatchApplier(ObjectWriter writer, ServerContext context)
{
    public ApiResult Patch(ResourceType type, ObjectKey key, string? contentType, string body, PatchOptions options)
    {
        var media = (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        var isApply = media == "application/apply-patch+yaml";
        if (media == "application/strategic-merge-patch+json" && type.IsCustom)
        {
            return UnsupportedMediaType();
        }

        if (options.Force is not null && !isApply)
        {
            return StatusBodies.Failure(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch");
        }

        if (isApply && string.IsNullOrEmpty(options.FieldManager))
        {
            return StatusBodies.Failure(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        }

        JsonNode? patch;
        try
        {
            patch = isApply ? YamlJson.Parse(body) : JsonNode.Parse(body);
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            return StatusBodies.BadRequest($"error decoding patch: {e.Message}");
        }

        var existing = context.Store.Get(key);
        if (isApply)
        {
            return Apply(type, key, existing, patch, options);
        }

        if (existing is null)
        {
            return StatusBodies.NotFound(type, key.Name);
        }

        JsonNode? patched;
        switch (media)
        {
            case "application/merge-patch+json" or "application/strategic-merge-patch+json" or "application/apply-patch+yaml"
                when patch is JsonObject:
                patched = MergePatch.Apply(existing, patch);
                break;
            case "application/json-patch+json" when patch is JsonArray operations:
                var (result, error) = JsonPatch.Apply(existing, operations);
                if (error is not null)
                {
                    return StatusBodies.Invalid(type, key.Name, error);
                }

                patched = result;
                break;
            case "application/merge-patch+json" or "application/strategic-merge-patch+json" or "application/apply-patch+yaml"
                or "application/json-patch+json":
                return StatusBodies.BadRequest("the patch body has the wrong JSON shape for its content type");
            default:
                return UnsupportedMediaType();
        }

        if (patched is not JsonObject patchedObject)
        {
            return StatusBodies.BadRequest("the patch did not produce an object");
        }

        if (Meta.Str(patchedObject, "resourceVersion") != Meta.Str(existing, "resourceVersion"))
        {
            return StatusBodies.Conflict(type, key.Name);
        }

        return writer.Update(type, key, patchedObject, options.StatusOnly, options.DryRun, isPatch: true, options.FieldValidation, options.Manager);
    }

    private ApiResult Apply(ResourceType type, ObjectKey key, JsonObject? existing, JsonNode? patch, PatchOptions options)
    {
        if (patch is not JsonObject config)
        {
            return StatusBodies.BadRequest("the patch body has the wrong JSON shape for its content type");
        }

        if (existing is null && options.StatusOnly)
        {
            return StatusBodies.NotFound(type, key.Name);
        }

        Meta.Of(config)["name"] ??= key.Name;
        var (merged, fields, conflict) = ManagedFields.Apply(type, existing, config, options.FieldManager!, options.Force == "true",
            options.StatusOnly ? "status" : null, context.Now());
        if (conflict is not null)
        {
            return conflict;
        }

        if (existing is null)
        {
            return writer.Create(type, type.Namespaced ? key.Namespace : null, merged, options.DryRun, options.FieldValidation, options.FieldManager, fields);
        }

        if (Meta.Str(merged!, "resourceVersion") != Meta.Str(existing, "resourceVersion"))
        {
            return StatusBodies.Conflict(type, key.Name);
        }

        return writer.Update(type, key, merged!, options.StatusOnly, options.DryRun, isPatch: true, options.FieldValidation, options.FieldManager, fields);
    }

    private static ApiResult UnsupportedMediaType() =>
        StatusBodies.Failure(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
            + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
}
