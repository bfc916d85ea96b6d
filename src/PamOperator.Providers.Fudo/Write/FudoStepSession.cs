using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Http;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// Writes one request at a time, each effective at once (no transaction: the applier journals and compensates).
/// A create whose answer was lost (timeout, dropped connection, 5xx) is looked up by natural key before it is reported
/// failed, so a retried or re-run apply never duplicates. A delete of an object already gone succeeds.
/// </summary>
internal sealed class FudoStepSession(FudoApiClient client, IdRegistry ids) : IWriteSession
{
    public TransactionGuarantee Guarantee => TransactionGuarantee.None;

    public async Task<WriteOutcome> WriteAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        try
        {
            var requests = FudoRequestBuilder.Build(operation, ids);
            string? createdId = null;
            for (var i = 0; i < requests.Count; i++)
            {
                var request = requests[i];
                try
                {
                    var response = await client.SendAsync(request.Method, request.Path, request.Body, cancellationToken);
                    createdId = request.CreatesType is null ? createdId : response.CreatedId;
                }
                catch (PamApiException ex) when (ex.Kind == ApiErrorKind.NotFound && operation.Operation == WriteKind.Delete)
                {
                    // Already gone: the desired end state holds.
                }
                catch (PamApiException ex) when (ex.IsTransient && i == 0 && operation.Operation == WriteKind.Create)
                {
                    // The answer was lost: the object may exist. Adopt it rather than create it twice.
                    createdId = await ExistingObjects.FindIdAsync(client, operation, request, cancellationToken);
                    if (createdId is null)
                    {
                        return WriteOutcome.Failed(ex);
                    }
                }
            }

            Record(operation, createdId);
            return WriteOutcome.Applied(createdId);
        }
        catch (PamApiException ex)
        {
            return WriteOutcome.Failed(ex);
        }
    }

    public Task<CommitResult> CommitAsync(CancellationToken cancellationToken) => Task.FromResult(CommitResult.Empty);

    public Task RollbackAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Record(WriteOperation operation, string? createdId)
    {
        if (operation.Operation == WriteKind.Create && createdId is not null)
        {
            ids.Set(operation.Kind.WireType, operation.Key, createdId);
        }
        else if (operation.Operation == WriteKind.Delete)
        {
            ids.Remove(operation.Kind.WireType, operation.Key);
        }
    }
}
