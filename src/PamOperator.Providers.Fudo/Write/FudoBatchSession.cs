using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Http;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// Stages every write into one <c>POST /api/v2/batch</c> with <c>atomic: true</c>: the PAM applies all of it or none
/// of it. References to objects created earlier in the batch use substitutions (<c>{s3.safe.id}</c>). Nothing is sent
/// before <see cref="CommitAsync"/>; the batch itself is never retried (a lost answer leaves the outcome unknown, and
/// the error says to plan again).
/// </summary>
internal sealed class FudoBatchSession(FudoApiClient client, IdRegistry ids) : IWriteSession
{
    private readonly List<(string OperationId, string RequestId, FudoRequest Request)> _staged = [];

    public TransactionGuarantee Guarantee => TransactionGuarantee.Atomic;

    public Task<WriteOutcome> WriteAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        try
        {
            string? created = null;
            foreach (var built in FudoRequestBuilder.Build(operation, ids))
            {
                var request = created is null ? built : built.WithCreatedId(created);
                var requestId = $"s{_staged.Count + 1}";
                _staged.Add((operation.Id, requestId, request));
                if (request.CreatesType is { } type && operation.Operation == WriteKind.Create)
                {
                    created = $"{{{requestId}.{type}.id}}";
                    ids.Set(operation.Kind.WireType, operation.Key, created);
                }
            }

            return Task.FromResult(WriteOutcome.StagedInTransaction());
        }
        catch (PamApiException ex)
        {
            return Task.FromResult(WriteOutcome.Failed(ex));
        }
    }

    public async Task<CommitResult> CommitAsync(CancellationToken cancellationToken)
    {
        if (_staged.Count == 0)
        {
            return CommitResult.Empty;
        }

        JsonNode? answer;
        try
        {
            answer = await client.PostRawAsync("batch", Body(), cancellationToken);
        }
        catch (PamApiException ex) when (ex.IsTransient && AnswerLost(ex))
        {
            return new CommitResult(false, new Dictionary<string, string>(), new PamApiException(ApiErrorKind.Transient,
                $"{ex.Message}; the atomic batch's outcome is unknown (all or nothing): run plan to see which it was", ex.StatusCode, ex),
                OutcomeUnknown: true);
        }
        catch (PamApiException ex)
        {
            return new CommitResult(false, new Dictionary<string, string>(), ex);
        }

        return FudoBatchAnswer.Read(answer, _staged);
    }

    /// <summary>No answer at all, or a gateway's (502, 504): the PAM may have run the batch. A 429 or the PAM's own 5xx
    /// means it did not.</summary>
    private static bool AnswerLost(PamApiException ex) => ex.StatusCode is null or 502 or 504;

    public Task RollbackAsync(CancellationToken cancellationToken)
    {
        // Nothing was sent, or the PAM reverted the whole atomic batch itself.
        _staged.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private JsonObject Body() => new()
    {
        ["atomic"] = true,
        ["requests"] = new JsonArray([.. _staged.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.RequestId,
            ["method"] = s.Request.Method.Method,
            ["endpoint"] = "/" + s.Request.Path,
            ["data"] = s.Request.Body?.DeepClone(),
        })]),
    };
}
