using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace PamOperator.Operator.Resources;

/// <summary>
/// The operator's view of the cluster: every watched custom resource by key, fed by the watch loops. Thread-safe.
/// Reconciles read from it instead of listing, so a batch costs no Kubernetes reads.
/// </summary>
internal sealed class ResourceCache
{
    private readonly ConcurrentDictionary<ResourceKey, CustomResource> _items = new();

    public int Count => _items.Count;

    /// <summary>Stores <paramref name="obj"/>; returns the previous version (null when new).</summary>
    public CustomResource? Put(OperatorKind kind, JsonObject obj)
    {
        var resource = new CustomResource(kind, obj);
        CustomResource? previous = null;
        _items.AddOrUpdate(resource.Key, resource, (_, old) =>
        {
            previous = old;
            return resource;
        });
        return previous;
    }

    public void Remove(ResourceKey key) => _items.TryRemove(key, out _);

    /// <summary>Replaces every object of <paramref name="kind"/> with <paramref name="snapshot"/> (after a relist).</summary>
    public void Replace(OperatorKind kind, IReadOnlyList<JsonObject> snapshot)
    {
        var fresh = snapshot.Select(o => new CustomResource(kind, o)).ToDictionary(r => r.Key);
        foreach (var key in _items.Keys.Where(k => k.Resource == kind.Id && !fresh.ContainsKey(k)))
        {
            _items.TryRemove(key, out _);
        }

        foreach (var (key, value) in fresh)
        {
            _items[key] = value;
        }
    }

    public CustomResource? Get(ResourceKey key) => _items.TryGetValue(key, out var r) ? r : null;

    public IReadOnlyList<CustomResource> All() => [.. _items.Values];

    public IReadOnlyList<CustomResource> ProviderConfigs() => [.. _items.Values.Where(r => r.Kind.IsProviderConfig)];

    /// <summary>The ProviderConfig name an object belongs to: its providerConfigRef, else the only ProviderConfig,
    /// else <c>default</c> (after Crossplane).</summary>
    public string GroupOf(CustomResource resource)
    {
        if (resource.ProviderConfigRef is { } name)
        {
            return name;
        }

        var configs = ProviderConfigs();
        return configs.Count == 1 ? configs[0].Key.Name : "default";
    }

    /// <summary>Every vendor object that belongs to ProviderConfig <paramref name="group"/>.</summary>
    public IReadOnlyList<CustomResource> MembersOf(string group) =>
        [.. _items.Values.Where(r => !r.Kind.IsProviderConfig && GroupOf(r) == group)];
}
