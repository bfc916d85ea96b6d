namespace PamOperator.Engine.Tests.Apply;

/// <summary>A thread-safe list of one-line events, shared by the fakes of one test to assert on their interleaving.</summary>
internal sealed class EventLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _events = [];

    public void Add(string text)
    {
        lock (_gate)
        {
            _events.Add(text);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    public int IndexOf(string text) => Snapshot().ToList().IndexOf(text);
}
