namespace PamOperator.Simulators.Common.Hosting;

/// <summary>The last <see cref="Capacity"/> requests under the vendor's API prefix (method, path, status, timing; never
/// bodies, never headers). Thread-safe.</summary>
public sealed class RequestLog
{
    public const int Capacity = 200_000;

    private readonly Lock _lock = new();
    private readonly Queue<RequestLogEntry> _entries = new();

    public void Add(RequestLogEntry entry)
    {
        lock (_lock)
        {
            if (_entries.Count == Capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_lock)
        {
            return _entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }
}
