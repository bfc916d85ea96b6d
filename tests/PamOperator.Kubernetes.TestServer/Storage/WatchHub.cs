using System.Threading.Channels;

namespace PamOperator.Kubernetes.TestServer.Storage;

/// <summary>Fans stored events out to the open watch streams; can end them all (a test hook).</summary>
internal sealed class WatchHub
{
    private readonly Lock _gate = new();
    private readonly List<WatchSubscription> _subscriptions = [];

    /// <summary>Registers a watch. Call under the store's lock, together with reading the starting point.</summary>
    public WatchSubscription Subscribe()
    {
        var subscription = new WatchSubscription(Channel.CreateUnbounded<StoredEvent>(), new CancellationTokenSource());
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    public void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }

        subscription.Dropped.Dispose();
    }

    public void Publish(StoredEvent e)
    {
        lock (_gate)
        {
            foreach (var s in _subscriptions)
            {
                s.Events.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>Ends every open watch; <paramref name="abort"/> resets the connection instead of ending the response.</summary>
    public int DropAll(bool abort)
    {
        lock (_gate)
        {
            foreach (var s in _subscriptions)
            {
                s.Abort = abort;
                s.Dropped.Cancel();
            }

            return _subscriptions.Count;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }
}
