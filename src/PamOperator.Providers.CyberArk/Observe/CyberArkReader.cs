using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Providers.CyberArk.Http;
using PamOperator.Providers.CyberArk.Kinds;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.CyberArk.Observe;

/// <summary>
/// Observes with list calls only: <c>GET API/Safes</c>, <c>GET API/Accounts</c> (both paged to the end through
/// <c>nextLink</c>), <c>GET API/Safes/{safe}/Members</c> per safe, and <c>GET API/MyRequests?expired=true</c> (the
/// requests of the ProviderConfig's user, expired ones included so that an expired request shows as such). Of several
/// requests for one account, the newest is the one tracked. Progress counts every page of a returned kind as it is read
/// (safes listed only to find their members are not counted; access requests once, as the newest per account).
/// </summary>
internal sealed class CyberArkReader(CyberArkClient client, int pageSize) : ILiveStateReader
{
    public Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, CancellationToken cancellationToken) =>
        ObserveAsync(types, null, cancellationToken);

    public async Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, IObserveProgress? progress, CancellationToken cancellationToken)
    {
        bool Wants(KindDescriptor kind) => types.Contains(kind.Type);
        Action<int>? Counting(KindDescriptor kind) => progress is null || !Wants(kind) ? null : count => progress.Read(kind.Type, count);
        var objects = new List<LiveObject>();
        var safes = Wants(CyberArkKinds.Safe) || Wants(CyberArkKinds.SafeMember)
            ? await client.ListAsync($"API/Safes?limit={pageSize}", "safes", WireToSpec.IsSafe, r => WireToSpec.Text(r["safeName"])!,
                Counting(CyberArkKinds.Safe), cancellationToken)
            : [];
        var accounts = Wants(CyberArkKinds.Account)
            ? client.ListAsync($"API/Accounts?limit={pageSize}", "accounts", WireToSpec.IsAccount, r => WireToSpec.Text(r["id"])!,
                Counting(CyberArkKinds.Account), cancellationToken)
            : Task.FromResult(new List<JsonObject>());
        var requests = Wants(CyberArkKinds.AccessRequest) ? RequestsAsync(Counting(CyberArkKinds.AccessRequest), cancellationToken) : Task.FromResult(new List<LiveObject>());
        if (Wants(CyberArkKinds.Safe))
        {
            objects.AddRange(safes.Select(WireToSpec.Safe));
        }

        if (Wants(CyberArkKinds.SafeMember))
        {
            foreach (var safe in safes)
            {
                var name = WireToSpec.Text(safe["safeName"])!;
                var members = await client.ListAsync($"API/Safes/{PathSegment.Of(name, null, "a safe name")}/Members?limit={pageSize}", "safe members",
                    WireToSpec.IsMember, r => WireToSpec.Text(r["memberName"])!, Counting(CyberArkKinds.SafeMember), cancellationToken);
                objects.AddRange(members.Select(m => WireToSpec.Member(name, m)));
            }
        }

        objects.AddRange((await accounts).Select(WireToSpec.Account));
        objects.AddRange(await requests);
        return new LiveState(objects);
    }

    private async Task<List<LiveObject>> RequestsAsync(Action<int>? rowsRead, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(HttpMethod.Get, "API/MyRequests?expired=true", null, cancellationToken);
        if (answer?["Requests"] is not JsonArray rows || rows.Any(r => r is not JsonObject o || !WireToSpec.IsRequest(o)))
        {
            throw new PamApiException(ApiErrorKind.UntrustedAnswer,
                "the PAM answered something pamctl cannot trust: the list of cyberark access requests is not {\"Requests\": [...]} of well-formed requests");
        }

        // The newest request per (safe, account) is the one a manifest tracks.
        List<LiveObject> newest = [.. rows.Cast<JsonObject>()
            .OrderBy(r => r["CreationDate"] is JsonValue c && c.TryGetValue<long>(out var t) ? t : 0)
            .Select(WireToSpec.Request)
            .GroupBy(o => o.Key, NaturalKey.Comparer)
            .Select(g => g.Last())];
        if (newest.Count > 0)
        {
            rowsRead?.Invoke(newest.Count);
        }

        return newest;
    }
}
