using System.Text.Json;
using PamOperator.Engine.Apply;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>A journal that keeps every entry (and its JSON, as a file journal would write it), logs it as an event, and
/// lets a test wait for one (<see cref="WaitFor"/>).</summary>
internal sealed class RecordingApplyJournal(EventLog events) : IApplyJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    public List<JournalEntry> Entries { get; } = [];

    public List<string> Lines { get; } = [];

    public Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var text = $"{entry.Phase} {entry.Step}";
        lock (_gate)
        {
            Entries.Add(entry);
            Lines.Add(JsonSerializer.Serialize(entry));
            Signal(text).TrySetResult();
        }

        events.Add(text);
        return Task.CompletedTask;
    }

    /// <summary>Completes when an entry "<paramref name="phase"/> <paramref name="step"/>" is recorded (bounded: 10 s).</summary>
    public Task WaitFor(string phase, string step)
    {
        lock (_gate)
        {
            return Signal($"{phase} {step}").Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private TaskCompletionSource Signal(string text)
    {
        if (!_signals.TryGetValue(text, out var signal))
        {
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _signals[text] = signal;
        }

        return signal;
    }
}
