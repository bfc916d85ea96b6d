using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Http;

namespace PamOperator.Vendors.Acme.Client;

/// <summary>Writes one request per step, at once (no transaction): the applier journals and compensates.</summary>
internal sealed partial class AcmeWriter(AcmeClient client) : IPamWriter, IWriteSession
{
    public TransactionGuarantee Guarantee => TransactionGuarantee.None;

    public Task<IWriteSession> BeginAsync(IReadOnlyList<WriteOperation> planned, LiveState live, CancellationToken cancellationToken) =>
        Task.FromResult<IWriteSession>(this);

    public async Task<WriteOutcome> WriteAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        // A selector's write changes the object it selected (a connection), not an object of its own.
        var path = $"api/v1/{operation.Kind.Selection?.SelectsWireType ?? operation.Kind.WireType}";
        try
        {
            switch (operation.Operation)
            {
                case WriteKind.Create:
                    var created = await client.SendAsync(HttpMethod.Post, path, Body(operation, new JsonObject { ["name"] = operation.Key }), cancellationToken);
                    return WriteOutcome.Applied(created?["id"]?.GetValue<string>());
                case WriteKind.Update:
                    await client.SendAsync(HttpMethod.Patch, $"{path}/{Id(operation)}", Body(operation, []), cancellationToken);
                    return WriteOutcome.Applied(operation.ExternalId);
                default:
                    await client.SendAsync(HttpMethod.Delete, $"{path}/{Id(operation)}", null, cancellationToken);
                    return WriteOutcome.Applied(operation.ExternalId);
            }
        }
        catch (PamApiException ex) when (operation.Operation == WriteKind.Delete && ex.Kind == ApiErrorKind.NotFound)
        {
            return WriteOutcome.Applied(operation.ExternalId);
        }
        catch (PamApiException ex)
        {
            return WriteOutcome.Failed(ex);
        }
    }

    public Task<CommitResult> CommitAsync(CancellationToken cancellationToken) => Task.FromResult(CommitResult.Empty);

    public Task RollbackAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Acme ids are digits; anything else (e.g. <c>../user/1</c>) builds no path.</summary>
    private static string Id(WriteOperation operation) => PathSegment.Of(operation.ExternalId, IdFormat(), "the id of " + operation.Key);

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{1,12}$")]
    private static partial System.Text.RegularExpressions.Regex IdFormat();

    private static JsonObject Body(WriteOperation operation, JsonObject body)
    {
        var spec = operation.Spec?.DeepClone().AsObject() ?? [];
        spec.Remove("password");
        body["spec"] = spec;
        if (operation.Secrets.TryGetValue("password", out var secret))
        {
            body["password"] = secret;
        }

        return body;
    }
}
