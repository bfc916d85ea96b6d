using System.Text.Json.Nodes;
using PamOperator.Kubernetes.TestServer.Admission;
using PamOperator.Kubernetes.TestServer.Http;
using PamOperator.Kubernetes.TestServer.Ownership;
using PamOperator.Kubernetes.TestServer.Storage;

namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>
/// Create and update with the apiserver's rules: server-set metadata, AlreadyExists, 409 on a stale resourceVersion,
/// 422 for an unconditional update of a custom resource, generation bumped on spec changes only, status isolation,
/// no new finalizers while deleting, removal once the last finalizer is gone, no-op updates emit nothing. A Secret's
/// <c>stringData</c> is folded into <c>data</c> (base64) and never stored, as kube-apiserver does.
/// Callers hold the store's lock.
/// </summary>
internal sealed class ObjectWriter(ServerContext context, ObjectRemover remover)
{
    private static readonly string[] ServerOwnedMetadata = ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"];

    /// <summary>
    /// POST (or an apply that creates). <paramref name="manager"/> owns what it set; <paramref name="appliedFields"/>
    /// are the entries a server-side apply computed, used as they are.
    /// </summary>
    public ApiResult Create(ResourceType type, string? ns, JsonNode? body, bool dryRun, string? fieldValidation = null,
        string? manager = null, JsonArray? appliedFields = null)
    {
        if (body is not JsonObject obj)
        {
            return StatusBodies.BadRequest("the body of the request was in an unknown format");
        }

        obj = (JsonObject)obj.DeepClone();
        var meta = Meta.Of(obj);
        if (meta["name"] is null && meta["generateName"] is JsonValue prefix)
        {
            meta["name"] = prefix + Guid.NewGuid().ToString("N")[..5];
        }

        var name = meta["name"]?.ToString();
        if (string.IsNullOrEmpty(name))
        {
            return StatusBodies.Invalid(type, string.Empty, "metadata.name: Required value: name or generateName is required");
        }

        if (type.Namespaced)
        {
            var bodyNs = meta["namespace"]?.ToString();
            ns ??= bodyNs ?? "default";
            if (bodyNs is not null && bodyNs != ns)
            {
                return StatusBodies.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            meta["namespace"] = ns;
            if (context.Store.Get(new ObjectKey(BuiltInResources.Namespaces.StorageKey, string.Empty, ns)) is null)
            {
                return StatusBodies.NotFound(BuiltInResources.Namespaces, ns);
            }
        }

        var key = new ObjectKey(type.StorageKey, type.Namespaced ? ns! : string.Empty, name);
        if (context.Store.Get(key) is not null)
        {
            return StatusBodies.AlreadyExists(type, name);
        }

        foreach (var field in ServerOwnedMetadata.Append("resourceVersion"))
        {
            meta.Remove(field);
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = context.Now();
        if (type.TracksGeneration)
        {
            meta["generation"] = 1;
        }

        if (type.HasStatusSubresource)
        {
            obj.Remove("status");
        }

        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
        FoldStringData(type, obj);
        var warnings = new List<string>();
        if (CustomResourceAdmission.Admit(type, obj, null, fieldValidation, warnings) is { } refused)
        {
            return refused;
        }

        meta["managedFields"] = appliedFields ?? ManagedFields.Update(type, null, obj, manager ?? string.Empty, null, context.Now());
        if (type == BuiltInResources.Crds)
        {
            var (types, error) = CrdReader.Read(obj);
            if (error is not null)
            {
                return StatusBodies.Invalid(type, name, error);
            }

            if (CrdReader.RuleErrors(obj) is { Count: > 0 } ruleErrors)
            {
                return CustomResourceAdmission.Invalid(type, name, ruleErrors);
            }

            CrdReader.SetStatus(obj, context.Now());
            if (!dryRun)
            {
                context.Registry.Register(name, types);
            }
        }

        if (!dryRun)
        {
            context.Store.Put(key, obj, "ADDED", null);
        }

        return new ApiResult(201, obj) { Warnings = warnings };
    }

    /// <summary>PUT (or a computed patch): <paramref name="statusOnly"/> for the /status subresource.</summary>
    public ApiResult Update(ResourceType type, ObjectKey key, JsonObject submitted, bool statusOnly, bool dryRun, bool isPatch,
        string? fieldValidation = null, string? manager = null, JsonArray? appliedFields = null)
    {
        if (context.Store.Get(key) is not { } existing)
        {
            return StatusBodies.NotFound(type, key.Name);
        }

        var sentVersion = Meta.Str(submitted, "resourceVersion");
        if (string.IsNullOrEmpty(sentVersion) && !isPatch && type.IsCustom)
        {
            return StatusBodies.Invalid(type, key.Name, "metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");
        }

        if (!string.IsNullOrEmpty(sentVersion) && sentVersion != Meta.Str(existing, "resourceVersion"))
        {
            return StatusBodies.Conflict(type, key.Name);
        }

        if (Meta.Str(submitted, "name") is { } sentName && sentName != key.Name)
        {
            return StatusBodies.BadRequest($"the name of the object ({sentName}) does not match the name on the URL ({key.Name})");
        }

        var candidate = Compose(type, existing, submitted, statusOnly);
        FoldStringData(type, candidate);
        var warnings = new List<string>();
        if (CustomResourceAdmission.Admit(type, candidate, existing, fieldValidation, warnings) is { } refused)
        {
            return refused;
        }

        Meta.Of(candidate)["managedFields"] = appliedFields
            ?? ManagedFields.Update(type, existing, candidate, manager ?? string.Empty, statusOnly ? "status" : null, context.Now());

        if (Meta.Str(existing, "deletionTimestamp") is not null)
        {
            var added = Meta.Finalizers(candidate).Except(Meta.Finalizers(existing)).ToList();
            if (added.Count > 0)
            {
                return StatusBodies.Invalid(type, key.Name, "metadata.finalizers: Forbidden: no new finalizers can be added if the object "
                    + $"is being deleted, found new finalizers []string{{\"{string.Join("\", \"", added)}\"}}");
            }
        }

        if (type.TracksGeneration && !JsonNode.DeepEquals(Content(type, existing), Content(type, candidate)))
        {
            Meta.Of(candidate)["generation"] = Meta.Generation(existing) + 1;
        }

        if (JsonNode.DeepEquals(existing, candidate) || dryRun)
        {
            return new ApiResult(200, candidate) { Warnings = warnings };
        }

        if (Meta.Str(candidate, "deletionTimestamp") is not null && ObjectRemover.IsFinalized(candidate))
        {
            remover.Remove(type, key, candidate);
            return new ApiResult(200, candidate) { Warnings = warnings };
        }

        if (type == BuiltInResources.Crds && CrdReader.Read(candidate) is { Error: null } read)
        {
            context.Registry.Register(key.Name, read.Types);
        }

        context.Store.Put(key, candidate, "MODIFIED", existing);
        return new ApiResult(200, candidate) { Warnings = warnings };
    }

    private static JsonObject Compose(ResourceType type, JsonObject existing, JsonObject submitted, bool statusOnly)
    {
        if (statusOnly)
        {
            var onlyStatus = (JsonObject)existing.DeepClone();
            onlyStatus.Remove("status");
            if (submitted["status"] is { } status)
            {
                onlyStatus["status"] = status.DeepClone();
            }

            return onlyStatus;
        }

        var candidate = (JsonObject)submitted.DeepClone();
        var meta = Meta.Of(candidate);
        var oldMeta = Meta.Of(existing);
        foreach (var field in ServerOwnedMetadata.Append("resourceVersion").Append("namespace").Append("name"))
        {
            meta[field] = oldMeta[field]?.DeepClone();
            if (meta[field] is null)
            {
                meta.Remove(field);
            }
        }

        candidate["apiVersion"] = existing["apiVersion"]?.DeepClone();
        candidate["kind"] = existing["kind"]?.DeepClone();
        if (type.HasStatusSubresource)
        {
            candidate["status"] = existing["status"]?.DeepClone();
            if (candidate["status"] is null)
            {
                candidate.Remove("status");
            }
        }

        return candidate;
    }

    /// <summary>Secrets: <c>stringData</c> entries overwrite <c>data</c> entries of the same key, base64-encoded.</summary>
    private static void FoldStringData(ResourceType type, JsonObject obj)
    {
        if (type != BuiltInResources.Secrets)
        {
            return;
        }

        if (obj["stringData"] is not JsonObject plain)
        {
            obj.Remove("stringData");
            return;
        }

        var data = obj["data"] as JsonObject ?? new JsonObject();
        foreach (var (key, value) in plain)
        {
            data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value?.ToString() ?? string.Empty));
        }

        obj.Remove("stringData");
        obj["data"] = data.Parent is null ? data : data.DeepClone();
    }

    /// <summary>What generation tracks: everything but metadata, and but status when status is a subresource.</summary>
    private static JsonObject Content(ResourceType type, JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("metadata");
        if (type.HasStatusSubresource)
        {
            copy.Remove("status");
        }

        return copy;
    }
}
