namespace PamOperator.Engine.Apply;

/// <summary>A journal that keeps nothing (transactional sessions, tests).</summary>
public sealed class NullApplyJournal : IApplyJournal
{
    public static NullApplyJournal Instance { get; } = new();

    public Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken) => Task.CompletedTask;
}
