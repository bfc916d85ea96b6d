using System.Globalization;
using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Storage;

/// <summary>
/// The objects, the global resourceVersion counter and the bounded event log. Every read and write happens under
/// <see cref="Gate"/>; objects go in and out as deep copies. Events are published to the <see cref="WatchHub"/>
/// under the same lock, so a watch registered under the lock never misses or duplicates an event.
/// </summary>
internal sealed class ObjectStore(int historyLimit, WatchHub hub)
{
    private readonly Dictionary<ObjectKey, JsonObject> _objects = [];
    private readonly LinkedList<StoredEvent> _history = new();
    private long _resourceVersion = 1;
    private long _compactedThrough;

    public Lock Gate { get; } = new();

    public WatchHub Hub => hub;

    public long CurrentResourceVersion => _resourceVersion;

    public JsonObject? Get(ObjectKey key) => _objects.TryGetValue(key, out var obj) ? (JsonObject)obj.DeepClone() : null;

    public List<(ObjectKey Key, JsonObject Object)> List(string storageKey, string? ns) =>
        _objects
            .Where(p => p.Key.StorageKey == storageKey && (ns is null || p.Key.Namespace == ns))
            .OrderBy(p => p.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Name, StringComparer.Ordinal)
            .Select(p => (p.Key, (JsonObject)p.Value.DeepClone()))
            .ToList();

    /// <summary>Allocates the next resourceVersion, stamps it on the object, stores it and emits the event.</summary>
    public void Put(ObjectKey key, JsonObject obj, string eventType, JsonObject? previous)
    {
        var rv = ++_resourceVersion;
        ((JsonObject)obj["metadata"]!)["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
        _objects[key] = (JsonObject)obj.DeepClone();
        Record(new StoredEvent(rv, key.StorageKey, eventType, (JsonObject)obj.DeepClone(), previous));
    }

    /// <summary>Removes the object; the DELETED event carries its last state with the deletion's resourceVersion.</summary>
    public void Remove(ObjectKey key, JsonObject lastState)
    {
        _objects.Remove(key);
        var rv = ++_resourceVersion;
        ((JsonObject)lastState["metadata"]!)["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
        Record(new StoredEvent(rv, key.StorageKey, "DELETED", (JsonObject)lastState.DeepClone(), null));
    }

    /// <summary>Events after <paramref name="resourceVersion"/>, or null when that point was compacted away (410).</summary>
    public List<StoredEvent>? EventsAfter(long resourceVersion) =>
        resourceVersion < _compactedThrough ? null : _history.Where(e => e.ResourceVersion > resourceVersion).ToList();

    /// <summary>Forgets all history: a later watch from any older resourceVersion gets 410.</summary>
    public void Compact()
    {
        _history.Clear();
        _compactedThrough = _resourceVersion;
    }

    private void Record(StoredEvent e)
    {
        _history.AddLast(e);
        while (_history.Count > historyLimit)
        {
            _compactedThrough = _history.First!.Value.ResourceVersion;
            _history.RemoveFirst();
        }

        hub.Publish(e);
    }
}
