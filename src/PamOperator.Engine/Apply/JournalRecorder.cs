using PamOperator.Engine.Execution;

namespace PamOperator.Engine.Apply;

/// <summary>Writes the journal entries of one apply, stamped by the request's clock. Thread-safe when the journal is.</summary>
internal sealed class JournalRecorder(IApplyJournal journal, TimeProvider time)
{
    public Task RecordAsync(string phase, PlanStep step, string? externalId, string? undo, string? message, CancellationToken cancellationToken) =>
        journal.RecordAsync(new JournalEntry(time.GetUtcNow(), phase, step.Name, step.Change.Key, externalId, undo, message), cancellationToken);
}
