using System.Threading.Channels;

namespace PamOperator.Kubernetes.TestServer.Storage;

/// <summary>One open watch: its event queue and the token the drop hook cancels.</summary>
internal sealed class WatchSubscription(Channel<StoredEvent> events, CancellationTokenSource dropped)
{
    public Channel<StoredEvent> Events { get; } = events;

    public CancellationTokenSource Dropped { get; } = dropped;

    /// <summary>Set by the drop hook: reset the connection rather than end the response cleanly.</summary>
    public bool Abort { get; set; }
}
