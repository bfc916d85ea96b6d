using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Sps.Http;

namespace PamOperator.Providers.Sps.Write;

/// <summary>Opens one server-side transaction per apply (<see cref="SpsTransactionSession"/>).</summary>
internal sealed class SpsWriter(SpsClient client, TransactionRecord record) : IPamWriter
{
    public Task<IWriteSession> BeginAsync(IReadOnlyList<WriteOperation> planned, LiveState live, CancellationToken cancellationToken) =>
        Task.FromResult<IWriteSession>(new SpsTransactionSession(client, record, live));
}
