using System.Text.Json.Nodes;
using PamOperator.Kubernetes.TestServer.Http;
using PamOperator.Kubernetes.TestServer.Resources;

namespace PamOperator.Kubernetes.TestServer.Ownership;

/// <summary>
/// <c>metadata.managedFields</c> as kube-apiserver keeps them (after structured-merge-diff): one entry per manager,
/// operation and subresource. An update (create, PUT, merge or JSON patch) gives its manager the fields it changed
/// and takes them from everyone else, without conflicts. An apply owns exactly the fields its configuration sets:
/// a field another manager owns with a different value is a conflict (409, unless <c>force=true</c>, which takes it
/// over); fields the manager applied before and no longer sends are removed unless someone else owns them.
/// Entries left with no field are dropped. A write that changes no ownership keeps the entries as they were (so a
/// no-op stays a no-op).
/// </summary>
internal static class ManagedFields
{
    private sealed record Entry(string Manager, string Operation, string ApiVersion, string? Subresource, string Time, HashSet<FieldPath> Fields)
    {
        public bool Is(string manager, string operation, string? subresource) =>
            Manager == manager && Operation == operation && Subresource == subresource;
    }

    /// <summary>Ownership after a non-apply write of <paramref name="updated"/> over <paramref name="live"/> (null on create).</summary>
    public static JsonArray Update(ResourceType type, JsonObject? live, JsonObject updated, string manager, string? subresource, string now)
    {
        var entries = Read(live);
        var before = live is null ? [] : FieldSet.Of(type, live, subresource);
        var after = FieldSet.Of(type, updated, subresource);
        var changed = after.Where(p => !before.Contains(p) || !JsonNode.DeepEquals(p.Find(live).Value, p.Find(updated).Value)).ToHashSet();
        var removed = before.Where(p => !after.Contains(p)).ToHashSet();
        if (changed.Count == 0 && removed.Count == 0)
        {
            return Existing(live);
        }

        foreach (var entry in entries)
        {
            entry.Fields.ExceptWith(changed);
            entry.Fields.ExceptWith(removed);
        }

        var mine = entries.FirstOrDefault(e => e.Is(manager, "Update", subresource));
        if (mine is null)
        {
            mine = new Entry(manager, "Update", type.GroupVersion, subresource, now, []);
            entries.Add(mine);
        }

        mine.Fields.UnionWith(changed);
        return Write(entries.Select(e => e == mine ? e with { Time = now } : e));
    }

    /// <summary>
    /// A server-side apply of <paramref name="config"/>: the merged object and its entries, or the 409 conflict.
    /// <paramref name="live"/> is null when the apply creates the object.
    /// </summary>
    public static (JsonObject? Merged, JsonArray? Fields, ApiResult? Conflict) Apply(
        ResourceType type, JsonObject? live, JsonObject config, string manager, bool force, string? subresource, string now)
    {
        var applied = FieldSet.Of(type, config, subresource);
        var entries = Read(live);
        var mine = entries.FirstOrDefault(e => e.Is(manager, "Apply", subresource));
        var conflicts = new List<(Entry Owner, FieldPath Path)>();
        foreach (var other in entries.Where(e => e != mine && e.Subresource == subresource))
        {
            conflicts.AddRange(other.Fields.Where(applied.Contains)
                .Where(p => !JsonNode.DeepEquals(p.Find(live).Value, p.Find(config).Value))
                .Select(p => (other, p)));
        }

        if (conflicts.Count > 0 && !force)
        {
            return (null, null, Conflict(type, Meta.Str(config, "name") ?? string.Empty, conflicts));
        }

        foreach (var (owner, path) in conflicts)
        {
            owner.Fields.Remove(path);
        }

        var merged = live is null ? (JsonObject)config.DeepClone() : (JsonObject)Merge(live, config, type.Schema, isRoot: true)!;
        var previous = mine?.Fields ?? [];
        var others = entries.Where(e => e != mine).ToList();
        bool OwnedByOthers(FieldPath p) => others.Any(e => e.Fields.Any(f => f.Equals(p) || StartsWith(f, p)));
        foreach (var gone in previous.Where(p => !applied.Contains(p)).ToList())
        {
            if (!OwnedByOthers(gone))
            {
                gone.Remove(merged, OwnedByOthers);
            }
        }

        if (mine is not null && mine.Fields.SetEquals(applied) && conflicts.Count == 0)
        {
            return (merged, Existing(live), null);
        }

        entries.Remove(mine!);
        entries.Add(new Entry(manager, "Apply", type.GroupVersion, subresource, now, applied));
        return (merged, Write(entries), null);
    }

    private static bool StartsWith(FieldPath path, FieldPath prefix) =>
        path.Elements.Count > prefix.Elements.Count && path.Elements.Take(prefix.Elements.Count).SequenceEqual(prefix.Elements, StringComparer.Ordinal);

    /// <summary>The apply merge: maps recursively, <c>map</c> lists by key, <c>set</c> lists by union, the rest replaced.</summary>
    private static JsonNode? Merge(JsonNode? live, JsonNode? config, JsonObject? schema, bool isRoot = false)
    {
        switch (live, config)
        {
            case (JsonObject liveObject, JsonObject configObject) when (schema?["x-kubernetes-map-type"]?.ToString() != "atomic"):
                var result = (JsonObject)liveObject.DeepClone();
                foreach (var (name, value) in configObject)
                {
                    var childSchema = schema is null || (isRoot && name == "metadata") ? null : Admission.SchemaWalker.PropertySchema(schema, name);
                    result[name] = Merge(liveObject[name], value, childSchema);
                }

                return result;
            case (JsonArray liveArray, JsonArray configArray) when (schema?["x-kubernetes-list-type"]?.ToString() == "map"):
                var keys = (schema["x-kubernetes-list-map-keys"] as JsonArray ?? []).Select(k => k!.ToString()).ToList();
                var items = (JsonArray)liveArray.DeepClone();
                foreach (var item in configArray)
                {
                    var at = items.Select((existing, i) => (existing, i))
                        .FirstOrDefault(p => keys.All(k => JsonNode.DeepEquals(p.existing?[k], item?[k])), (null, -1)).Item2;
                    if (at < 0)
                    {
                        items.Add(item?.DeepClone());
                    }
                    else
                    {
                        items[at] = Merge(items[at], item, schema["items"] as JsonObject);
                    }
                }

                return items;
            case (JsonArray liveArray, JsonArray configArray) when (schema?["x-kubernetes-list-type"]?.ToString() == "set"):
                var union = (JsonArray)liveArray.DeepClone();
                foreach (var item in configArray.Where(i => !liveArray.Any(l => JsonNode.DeepEquals(l, i))))
                {
                    union.Add(item?.DeepClone());
                }

                return union;
            default:
                return config?.DeepClone();
        }
    }

    /// <summary>kube-apiserver's conflict: 409 Conflict, message per manager, one FieldManagerConflict cause per field.</summary>
    private static ApiResult Conflict(ResourceType type, string name, List<(Entry Owner, FieldPath Path)> conflicts)
    {
        static string Who(Entry e) =>
            $"\"{e.Manager}\"" + (e.Subresource is null ? string.Empty : $" with subresource \"{e.Subresource}\"")
            + (e.Operation == "Update" ? $" using {e.ApiVersion} at {e.Time}" : string.Empty);

        var message = conflicts.Count == 1
            ? $"Apply failed with 1 conflict: conflict with {Who(conflicts[0].Owner)}: {conflicts[0].Path}"
            : $"Apply failed with {conflicts.Count} conflicts: " + string.Join("\n", conflicts.GroupBy(c => c.Owner.Manager).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => new[] { $"conflicts with {Who(g.First().Owner)}:" }.Concat(g.Select(c => $"- {c.Path}"))));
        var details = new JsonObject
        {
            ["name"] = name,
            ["group"] = type.Group,
            ["kind"] = type.Plural,
            ["causes"] = new JsonArray(conflicts.Select(c => (JsonNode?)new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with {Who(c.Owner)}",
                ["field"] = c.Path.ToString(),
            }).ToArray()),
        };
        return StatusBodies.Failure(409, "Conflict", message, details);
    }

    private static List<Entry> Read(JsonObject? obj) =>
        (obj?["metadata"]?["managedFields"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(e => new Entry(
                e["manager"]?.ToString() ?? string.Empty,
                e["operation"]?.ToString() ?? "Update",
                e["apiVersion"]?.ToString() ?? string.Empty,
                e["subresource"]?.ToString(),
                e["time"]?.ToString() ?? string.Empty,
                FieldSet.FromFieldsV1(e["fieldsV1"] as JsonObject)))
            .ToList();

    private static JsonArray Existing(JsonObject? live) => (JsonArray?)live?["metadata"]?["managedFields"]?.DeepClone() ?? [];

    private static JsonArray Write(IEnumerable<Entry> entries) => new(entries.Where(e => e.Fields.Count > 0).Select(e =>
    {
        var entry = new JsonObject
        {
            ["manager"] = e.Manager,
            ["operation"] = e.Operation,
            ["apiVersion"] = e.ApiVersion,
            ["time"] = e.Time,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldSet.ToFieldsV1(e.Fields),
        };
        if (e.Subresource is not null)
        {
            entry["subresource"] = e.Subresource;
        }

        return (JsonNode?)entry;
    }).ToArray());
}
