using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Http;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// Writes one request at a time, each effective at once (no transaction: the applier journals and compensates).
/// Each write is all or nothing: when a write needs several requests (a user-safe pair and its time-policy rows) and a
/// later one fails, the earlier ones are taken back before the failure is reported. A create whose answer did not come
/// (dropped connection, timeout, 5xx, 429) is looked up by natural key first: found, it is adopted; absent, it is sent
/// again only when the PAM surely did not run it (no answer, or 429). Updates, deletes and time-policy window POSTs
/// (refused as duplicates, then adopted) are sent again after no answer or 429, and so are compensating writes
/// (bounded by <see cref="MaxAttempts"/>). A delete of an object already gone succeeds.
/// </summary>
internal sealed class FudoStepSession(FudoApiClient client, IdRegistry ids, TimeSpan retryDelay) : IWriteSession
{
    /// <summary>Attempts of one request when it may be repeated (see the class summary).</summary>
    public const int MaxAttempts = 3;

    public TransactionGuarantee Guarantee => TransactionGuarantee.None;

    public async Task<WriteOutcome> WriteAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        var done = new Stack<(FudoRequest Request, FudoResponse Answer)>();
        try
        {
            var op = await AuthenticationMethodRows.WithRowIdsAsync(client,
                await TimePolicyRows.WithRowIdsAsync(client, operation, ids, cancellationToken), ids, cancellationToken);
            var requests = FudoRequestBuilder.Build(op, ids);
            string? createdId = null;
            for (var i = 0; i < requests.Count; i++)
            {
                var request = createdId is null ? requests[i] : requests[i].WithCreatedId(createdId);
                var answer = await SendAsync(op, request, isCreate: i == 0 && op.Operation == WriteKind.Create, cancellationToken);
                createdId = request.CreatesType is null ? createdId : answer.CreatedId;
                done.Push((request, answer));
            }

            Record(op, createdId);
            return WriteOutcome.Applied(createdId);
        }
        catch (PamApiException ex)
        {
            return WriteOutcome.Failed(done.Count == 0 ? ex : await TakeBackAsync(operation, done, ex));
        }
    }

    public Task<CommitResult> CommitAsync(CancellationToken cancellationToken) => Task.FromResult(CommitResult.Empty);

    public Task RollbackAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>One request, repeated (at most <see cref="MaxAttempts"/> times) only where that cannot duplicate
    /// anything: PATCH, DELETE and repeatable POSTs after no answer or 429; a create after the lookup did not find it.
    /// A 404 on a delete means done (also when undoing). A repeatable POST refused as a duplicate after an unanswered
    /// attempt adopts the row the lost attempt made.</summary>
    private async Task<FudoResponse> SendAsync(WriteOperation op, FudoRequest request, bool isCreate, CancellationToken cancellationToken, bool isUndo = false)
    {
        var unanswered = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.SendAsync(request.Method, request.Path, request.Body, cancellationToken);
            }
            catch (PamApiException ex) when (ex.Kind == ApiErrorKind.NotFound && request.Method == HttpMethod.Delete && (isUndo || op.Operation == WriteKind.Delete))
            {
                return new FudoResponse(Payload: null); // already gone: the desired end state holds
            }
            catch (PamApiException ex) when (ex.Kind == ApiErrorKind.Conflict && unanswered && request.Repeatable && request.Body is not null)
            {
                // The lost attempt made the row: adopt it rather than fail.
                if (await TimePolicyRows.FindRowIdAsync(client, request.Body, cancellationToken) is { } id)
                {
                    return new FudoResponse(new System.Text.Json.Nodes.JsonObject { ["id"] = id });
                }

                throw;
            }
            catch (PamApiException ex) when (ex.IsTransient && isCreate)
            {
                // The answer did not come: the object may exist. Adopt it rather than create it twice.
                if (await ExistingObjects.FindIdAsync(client, op, request, cancellationToken) is { } id)
                {
                    return new FudoResponse(new System.Text.Json.Nodes.JsonObject { ["id"] = id });
                }

                if (!SurelyNotRun(ex) || attempt >= MaxAttempts)
                {
                    throw;
                }
            }
            catch (PamApiException ex) when (SurelyNotRun(ex) && (request.Method != HttpMethod.Post || request.Repeatable) && attempt < MaxAttempts)
            {
                // PATCH and DELETE set an end state; a repeatable POST is refused as a duplicate: sending again is safe.
                unanswered |= ex.StatusCode is null;
            }

            await Task.Delay(retryDelay * attempt, cancellationToken);
        }
    }

    /// <summary>No answer at all (the connection failed or timed out) or 429: sending again cannot duplicate a write
    /// that the lookup did not find. A 5xx answer is the PAM's own failure report and is not repeated.</summary>
    private static bool SurelyNotRun(PamApiException ex) => ex.IsTransient && ex.StatusCode is null or 429;

    /// <summary>A later request of a write failed: undo the earlier ones, last first, so the write changed nothing.</summary>
    private async Task<PamApiException> TakeBackAsync(WriteOperation operation, Stack<(FudoRequest Request, FudoResponse Answer)> done, PamApiException failure)
    {
        var lost = new List<string>();
        while (done.TryPop(out var item))
        {
            if (item.Request.Undo is not { } undoOf)
            {
                continue;
            }

            try
            {
                var undo = undoOf(item.Answer) ?? throw new PamApiException(ApiErrorKind.Invalid, "its answer carried no id");
                // Not cancellable: a half-made write is worse than a slow one; each attempt is bounded by the client
                // timeout, and the attempts by MaxAttempts (a 429 or lost answer is retried like any idempotent write).
                await SendAsync(operation, undo, isCreate: false, CancellationToken.None, isUndo: true);
            }
            catch (PamApiException ex)
            {
                lost.Add($"{item.Request}: {ex.Message}");
            }
        }

        var aftermath = lost.Count == 0
            ? "; the write's earlier requests were undone, so it changed nothing"
            : $"; WARNING: the write is half done, these requests could not be undone: {string.Join("; ", lost)}";
        return new PamApiException(failure.Kind, failure.Message + aftermath, failure.StatusCode, failure);
    }

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
