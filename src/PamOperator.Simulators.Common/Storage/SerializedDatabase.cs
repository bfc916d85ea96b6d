namespace PamOperator.Simulators.Common.Storage;

/// <summary>
/// A <see cref="SqliteDatabase"/> behind one async lock, the way a simulator serves concurrent requests from one
/// connection: reads run one at a time, writes one at a time in a transaction committed only when they succeeded.
/// Owns the database (disposing this disposes it). Not re-entrant: work must not call back into this object.
/// </summary>
public sealed class SerializedDatabase(SqliteDatabase database) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>The database, for use inside <see cref="ReadAsync"/> / <see cref="WriteAsync"/> work only.</summary>
    public SqliteDatabase Database { get; } = database;

    /// <summary>Runs <paramref name="work"/> with the lock held, outside any transaction.</summary>
    public async Task<T> ReadAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return work();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> with the lock held in one transaction, committed when
    /// <paramref name="succeeded"/> says so and rolled back otherwise (or when it throws).</summary>
    public Task<T> WriteAsync<T>(Func<T> work, Func<T, bool> succeeded, CancellationToken cancellationToken) =>
        ReadAsync(() => Database.InTransaction(work, succeeded), cancellationToken);

    public void Dispose()
    {
        Database.Dispose();
        _lock.Dispose();
    }
}
