using System.Text.Json.Nodes;
using PamOperator.Kubernetes.TestServer.Http;
using PamOperator.Kubernetes.TestServer.Storage;

namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>
/// DELETE with two-phase finalizer semantics, preconditions, and cascades: deleting a CRD deletes its custom
/// resources first (each with a DELETED event), deleting a Namespace deletes what it holds. Callers hold the lock.
/// </summary>
internal sealed class ObjectRemover(ServerContext context)
{
    private static readonly string[] GcFinalizers = ["foregroundDeletion", "orphan"];

    public ApiResult Delete(ResourceType type, ObjectKey key, JsonObject? options, bool dryRun)
    {
        if (context.Store.Get(key) is not { } existing)
        {
            return StatusBodies.NotFound(type, key.Name);
        }

        var preconditions = options?["preconditions"];
        if ((preconditions?["resourceVersion"] is { } rv && rv.ToString() != Meta.Str(existing, "resourceVersion"))
            || (preconditions?["uid"] is { } uid && uid.ToString() != Meta.Str(existing, "uid")))
        {
            return StatusBodies.Failure(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedName} \"{key.Name}\": "
                + "Precondition failed: the object's resourceVersion or UID does not match");
        }

        // There is no garbage collector: no object has dependents, so foregroundDeletion and orphan are only kept
        // while other finalizers hold the object anyway (the GC would remove them at once otherwise).
        var finalizers = Meta.Finalizers(existing).Except(GcFinalizers).ToList();
        if (finalizers.Count == 0)
        {
            if (!dryRun)
            {
                Remove(type, key, existing);
            }

            return new ApiResult(200, existing);
        }

        if (Meta.Str(existing, "deletionTimestamp") is not null || dryRun)
        {
            return new ApiResult(200, existing);
        }

        var marked = (JsonObject)existing.DeepClone();
        var meta = Meta.Of(marked);
        meta["deletionTimestamp"] = context.Now();
        meta["deletionGracePeriodSeconds"] = 0;
        var policy = options?["propagationPolicy"]?.ToString();
        var gc = policy switch { "Foreground" => "foregroundDeletion", "Orphan" => "orphan", _ => null };
        Meta.SetFinalizers(marked, gc is null || finalizers.Contains(gc) ? Meta.Finalizers(existing) : [.. Meta.Finalizers(existing), gc]);
        if (type.TracksGeneration)
        {
            meta["generation"] = Meta.Generation(existing) + 1;
        }

        context.Store.Put(key, marked, "MODIFIED", existing);
        return new ApiResult(200, marked);
    }

    /// <summary>True when no finalizer other than the garbage collector's ones holds the object.</summary>
    public static bool IsFinalized(JsonObject obj) => !Meta.Finalizers(obj).Except(GcFinalizers).Any();

    /// <summary>Removes the object now (its finalizers are done) and cascades to what it owns.</summary>
    public void Remove(ResourceType type, ObjectKey key, JsonObject lastState)
    {
        if (type == BuiltInResources.Crds)
        {
            if (CrdReader.Read(lastState).Types.FirstOrDefault() is { } served)
            {
                foreach (var (childKey, child) in context.Store.List(served.StorageKey, null))
                {
                    context.Store.Remove(childKey, child);
                }
            }

            context.Registry.Unregister(key.Name);
        }
        else if (type == BuiltInResources.Namespaces)
        {
            foreach (var nested in context.Registry.All().Where(t => t.Namespaced).Select(t => t.StorageKey).Distinct())
            {
                foreach (var (childKey, child) in context.Store.List(nested, key.Name))
                {
                    context.Store.Remove(childKey, child);
                }
            }
        }

        context.Store.Remove(key, lastState);
    }
}
