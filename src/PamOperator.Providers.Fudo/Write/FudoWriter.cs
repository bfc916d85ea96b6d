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

    /// <summary>Requests one write becomes: one, plus one per time-policy window a user-safe write adds or removes.</summary>
    private static int EstimatedRequests(WriteOperation op)
    {
        if (op.Kind.WireType != FudoWireTypes.UserSafe)
        {
            return 1;
        }

        static int Count(JsonObject? spec) => (spec?[TimePolicyMapping.SpecField] as JsonArray)?.Count ?? 0;
        return 1 + Count(op.Spec) + Count(op.LiveSpec);
    }
}
