using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>
/// A hand-written write session: records every call in <see cref="Events"/> (shared with the journal, so their order
/// can be asserted), fails the Nth write or the writes a predicate picks, holds writes on gates, and counts how many
/// writes run at once. Atomic sessions stage (nothing "happens" before the commit); None sessions apply at once.
/// </summary>
internal sealed class FakeWriteSession(TransactionGuarantee guarantee, EventLog events) : IWriteSession
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private int _writes;
    private int _running;

    public TransactionGuarantee Guarantee => guarantee;

    public EventLog Events => events;

    /// <summary>Every operation passed to <see cref="WriteAsync"/>, in call order (forward writes and undos).</summary>
    public List<WriteOperation> Writes { get; } = [];

    /// <summary>1-based: that call of <see cref="WriteAsync"/> fails (a transient 500).</summary>
    public int? FailNthWrite { get; set; }

    /// <summary>Operations (by id) whose write fails.</summary>
    public HashSet<string> FailIds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The PAM's message for a failed write (default: <c>injected failure of ID</c>).</summary>
    public Func<WriteOperation, string>? FailMessage { get; set; }

    /// <summary>Commit fails, naming this operation id (or none when null).</summary>
    public bool FailCommit { get; set; }

    public string? CommitFailedOperationId { get; set; }

    /// <summary>How a failed commit is classified: transient without an operation id means its answer was lost.</summary>
    public ApiErrorKind CommitErrorKind { get; set; } = ApiErrorKind.Conflict;

    /// <summary>Writes (by operation id) that wait for their gate before they finish.</summary>
    public Dictionary<string, TaskCompletionSource> Gates { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when the write of that operation id has started (create entries before applying).</summary>
    public Dictionary<string, TaskCompletionSource> Started { get; } = new(StringComparer.Ordinal);

    public int MaxConcurrent { get; private set; }

    public int Commits { get; private set; }

    public int Rollbacks { get; private set; }

    public bool Disposed { get; private set; }

    public async Task<WriteOutcome> WriteAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        int number;
        lock (_gate)
        {
            number = ++_writes;
            Writes.Add(operation);
            MaxConcurrent = Math.Max(MaxConcurrent, ++_running);
        }

        events.Add($"write {operation.Id}");
        try
        {
            if (Started.TryGetValue(operation.Id, out var started))
            {
                started.TrySetResult();
            }

            if (Gates.TryGetValue(operation.Id, out var gate))
            {
                await gate.Task.WaitAsync(Bound, cancellationToken);
            }

            if (number == FailNthWrite || FailIds.Contains(operation.Id))
            {
                events.Add($"failed {operation.Id}");
                return WriteOutcome.Failed(new PamApiException(ApiErrorKind.Transient, FailMessage?.Invoke(operation) ?? $"injected failure of {operation.Id}", 500));
            }

            return guarantee == TransactionGuarantee.Atomic
                ? WriteOutcome.StagedInTransaction()
                : WriteOutcome.Applied(operation.Operation == WriteKind.Create ? $"new-{number}" : null);
        }
        finally
        {
            lock (_gate)
            {
                _running--;
            }
        }
    }

    public Task<CommitResult> CommitAsync(CancellationToken cancellationToken)
    {
        Commits++;
        events.Add("commit");
        if (!FailCommit)
        {
            var created = Writes.Where(w => w.Operation == WriteKind.Create).ToDictionary(w => w.Id, w => $"committed-{w.Key}");
            return Task.FromResult(new CommitResult(true, created));
        }

        var error = CommitErrorKind == ApiErrorKind.Transient
            ? new PamApiException(ApiErrorKind.Transient, "the connection was lost; the atomic batch's outcome is unknown")
            : new PamApiException(CommitErrorKind, "atomic batch refused, nothing was changed: injected", 409);
        // A transient commit error here models a lost answer: the session says the outcome is unknown.
        return Task.FromResult(new CommitResult(false, new Dictionary<string, string>(), error, CommitFailedOperationId,
            OutcomeUnknown: CommitErrorKind == ApiErrorKind.Transient));
    }

    public Task RollbackAsync(CancellationToken cancellationToken)
    {
        Rollbacks++;
        events.Add("rollback");
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    public TaskCompletionSource Gate(string operationId) => Gates[operationId] = Signal();

    public TaskCompletionSource StartSignal(string operationId) => Started[operationId] = Signal();

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
