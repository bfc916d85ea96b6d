namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>The last <see cref="Capacity"/> requests under <c>/api/v2</c> (method, path, status, timing; never bodies).
/// Thread-safe.</summary>
internal sealed class RequestLog
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
