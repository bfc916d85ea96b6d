namespace PamOperator.Core.Providers.Writes;

/// <summary>
/// One apply's writes against one PAM (the write half of a vendor contract). Created by <see cref="IPamWriter"/>;
/// used by a single applier; <see cref="WriteAsync"/> may be called concurrently only when <see cref="Guarantee"/> is
/// <see cref="TransactionGuarantee.None"/>. Dispose releases what the session holds (never commits).
/// </summary>
public interface IWriteSession : IAsyncDisposable
{
    TransactionGuarantee Guarantee { get; }

    /// <summary>Performs or stages one write. Failures come back as <see cref="WriteOutcome.Failed"/> (classified),
    /// never as exceptions, except cancellation. A create whose outcome is unknown (timeout, dropped connection) is
    /// checked by natural key before it is reported: it never duplicates.</summary>
    Task<WriteOutcome> WriteAsync(WriteOperation operation, CancellationToken cancellationToken);

    /// <summary>Makes staged or transactional writes take effect. Returns the created ids by operation id for staged
    /// creates. A no-op for <see cref="TransactionGuarantee.None"/>.</summary>
    Task<CommitResult> CommitAsync(CancellationToken cancellationToken);

    /// <summary>Discards what a transaction holds (no-op when nothing was sent or for
    /// <see cref="TransactionGuarantee.None"/>, where the applier compensates instead).</summary>
    Task RollbackAsync(CancellationToken cancellationToken);
}
