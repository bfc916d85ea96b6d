using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Queue;

/// <summary>
/// The work queue, after client-go's: keys are de-duplicated (a set per group), grouped by ProviderConfig (a group is
/// taken whole, so a burst of changed keys becomes one batch), serialized (a group being processed is not handed out
/// again until <see cref="Done"/>; keys added meanwhile wait for the next batch), and retried with exponential backoff
/// per key (<see cref="Retry"/>, delays from the <see cref="TimeProvider"/>). A retry is added under the group its key
/// belongs to when the delay ends (<paramref name="regroup"/>): an object moved to another ProviderConfig meanwhile is
/// retried there, not in a batch that no longer holds it. Reports controller-runtime's workqueue metrics. Thread-safe.
/// </summary>
internal sealed class WorkQueue(TimeProvider time, Backoff backoff, Hosting.OperatorMetrics? metrics = null, Func<ResourceKey, string?>? regroup = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ResourceKey, long> _addedAt = [];
    private readonly Dictionary<string, long> _activeSince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ResourceKey>> _dirty = new(StringComparer.Ordinal);
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<ResourceKey, int> _failures = [];
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    /// <summary>Keys waiting (not counting the batches being processed).</summary>
    public int Depth
    {
        get
        {
            lock (_gate)
            {
                return _dirty.Values.Sum(s => s.Count);
            }
        }
    }

    /// <summary>Keys of <paramref name="group"/> waiting for its next batch.</summary>
    public int Pending(string group)
    {
        lock (_gate)
        {
            return _dirty.TryGetValue(group, out var keys) ? keys.Count : 0;
        }
    }

    /// <summary>
    /// Whether a batch about to start should wait another window: keys arrived during the last one (<paramref
    /// name="before"/> to <paramref name="after"/> waiting keys) and another window still ends within <paramref
    /// name="maxWait"/>. So a single change waits one window, a burst or a trickle settles into one batch, and no batch
    /// waits longer than <paramref name="maxWait"/>.
    /// </summary>
    public static bool KeepSettling(int before, int after, TimeSpan waited, TimeSpan window, TimeSpan maxWait) =>
        after > before && waited + window <= maxWait;

    public void Add(string group, ResourceKey key)
    {
        lock (_gate)
        {
            if (!_dirty.TryGetValue(group, out var keys))
            {
                keys = [];
                _dirty[group] = keys;
            }

            keys.Add(key);
            _addedAt.TryAdd(key, time.GetTimestamp());
            metrics?.QueueAdded();
            metrics?.QueueDepth(_dirty.Values.Sum(k => k.Count));
        }

        _signal.Release();
    }

    /// <summary>Adds the key again after its backoff delay (which grows with each consecutive failure).</summary>
    public TimeSpan Retry(string group, ResourceKey key)
    {
        int failures;
        lock (_gate)
        {
            failures = _failures[key] = _failures.GetValueOrDefault(key) + 1;
        }

        var delay = backoff.Delay(failures);
        metrics?.QueueRetried();
        _ = AddLaterAsync(group, key, delay);
        return delay;
    }

    /// <summary>Forgets the key's failures (after a success or a terminal outcome).</summary>
    public void Forget(ResourceKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>Waits for a group with keys that is not being processed, marks it active and returns its name.</summary>
    public async Task<string> NextGroupAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _signal.WaitAsync(cancellationToken);
            lock (_gate)
            {
                var group = _dirty.Keys.FirstOrDefault(g => !_active.Contains(g) && _dirty[g].Count > 0);
                if (group is not null)
                {
                    _active.Add(group);
                    _activeSince[group] = time.GetTimestamp();
                    return group;
                }
            }
        }
    }

    /// <summary>Takes every key of an active group (call after a short wait, so a burst lands in one batch).</summary>
    public IReadOnlyList<ResourceKey> Drain(string group)
    {
        lock (_gate)
        {
            var keys = _dirty.Remove(group, out var set) ? set.ToList() : [];
            foreach (var key in keys)
            {
                if (_addedAt.Remove(key, out var added))
                {
                    metrics?.QueueWaited(time.GetElapsedTime(added));
                }
            }

            metrics?.QueueDepth(_dirty.Values.Sum(k => k.Count));
            return keys;
        }
    }

    /// <summary>The group's batch is finished: it may be handed out again (at once when keys arrived meanwhile).</summary>
    public void Done(string group)
    {
        bool pending;
        lock (_gate)
        {
            _active.Remove(group);
            if (_activeSince.Remove(group, out var since))
            {
                metrics?.QueueWorked(time.GetElapsedTime(since));
            }

            pending = _dirty.ContainsKey(group);
        }

        if (pending)
        {
            _signal.Release();
        }
    }

    /// <summary>How long the batches being processed have run: the total and the longest (for the metrics and the
    /// liveness check).</summary>
    public (TimeSpan Total, TimeSpan Longest) Unfinished()
    {
        lock (_gate)
        {
            var running = _activeSince.Values.Select(t => time.GetElapsedTime(t)).ToList();
            var result = (TimeSpan.FromTicks(running.Sum(r => r.Ticks)), running.Count == 0 ? TimeSpan.Zero : running.Max());
            metrics?.QueueUnfinished(result.Item1, result.Item2);
            return result;
        }
    }

    private async Task AddLaterAsync(string group, ResourceKey key, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time);
            Add(regroup?.Invoke(key) ?? group, key);
        }
        catch (ObjectDisposedException)
        {
            // The queue went away with the operator.
        }
    }
}
