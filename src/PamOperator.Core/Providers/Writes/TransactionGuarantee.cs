namespace PamOperator.Core.Providers.Writes;

/// <summary>What a write session promises about a set of writes; the applier adapts to it.</summary>
public enum TransactionGuarantee
{
    /// <summary>Writes are staged and committed at once, all or nothing (Fudo atomic batch). Nothing changes before
    /// <see cref="IWriteSession.CommitAsync"/>; the applier stages in dependency order, one at a time.</summary>
    Atomic,

    /// <summary>Writes go to an open server-side transaction that commit makes visible and rollback discards
    /// (One Identity SPS). The applier writes in dependency order, one at a time, commits once, and rolls back on any
    /// failure; nothing changes before <see cref="IWriteSession.CommitAsync"/>.</summary>
    ServerTransaction,

    /// <summary>No transaction: each write takes effect at once. The applier journals intent before each write and,
    /// on failure, compensates the completed writes in reverse order.</summary>
    None,
}
