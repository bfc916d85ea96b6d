namespace PamOperator.Engine.Apply;

/// <summary>
/// Durable record of an apply without transaction (after Crossplane's external-create-pending markers): an intent is
/// written before each write and an outcome after, so a crash leaves something to reason from. Entries never hold a
/// secret value. Implementations must be thread-safe.
/// </summary>
public interface IApplyJournal
{
    Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken);
}
