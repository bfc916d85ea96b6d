namespace PamOperator.Kubernetes.Watching;

/// <summary>What a <see cref="WatchEvent"/> reports.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    /// <summary>Only the resourceVersion advanced; the object carries metadata.resourceVersion only.</summary>
    Bookmark,
    /// <summary>
    /// The client (re)listed: <see cref="WatchEvent.Snapshot"/> holds every object now. Emitted first when the watch
    /// starts without a resourceVersion, and after a 410 (the history the client needed is gone). Replace any cache.
    /// </summary>
    Relisted,
}
