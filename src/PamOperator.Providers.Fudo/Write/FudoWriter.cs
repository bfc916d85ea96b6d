using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// Opens Fudo write sessions: one atomic batch when the server supports it and the plan fits the batch limit,
/// otherwise step-by-step writes (the applier then journals and compensates).
/// </summary>
internal sealed class FudoWriter(FudoApiClient client, FudoClientOptions options) : IPamWriter
{
    public Task<IWriteSession> BeginAsync(IReadOnlyList<WriteOperation> planned, LiveState live, CancellationToken cancellationToken)
    {
        var ids = new IdRegistry(live);
        var requests = planned.Sum(EstimatedRequests);
        IWriteSession session = options.UseAtomicBatch && requests <= options.MaxBatchSize
            ? new FudoBatchSession(client, ids)
            : new FudoStepSession(client, ids, options.RetryBaseDelay);
        return Task.FromResult(session);
    }

    /// <summary>Requests one write becomes: one, plus one per row folded into it (time-policy windows, pool servers,
    /// authentication methods) that the write adds or removes, at most.</summary>
    private static int EstimatedRequests(WriteOperation op)
    {
        var rows = op.Kind.WireType switch
        {
            FudoWireTypes.UserSafe => TimePolicyMapping.SpecField,
            FudoWireTypes.Pool => PoolServerMapping.SpecField,
            FudoWireTypes.User => AuthenticationMethodMapping.SpecField,
            _ => null,
        };
        if (rows is null)
        {
            return 1;
        }

        int Count(JsonObject? spec) => (spec?[rows] as JsonArray)?.Count ?? 0;
        return 1 + Count(op.Spec) + Count(op.LiveSpec);
    }
}
