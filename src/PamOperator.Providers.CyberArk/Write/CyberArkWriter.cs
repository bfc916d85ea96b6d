using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.CyberArk.Http;
using PamOperator.Providers.CyberArk.Kinds;
using PamOperator.Providers.CyberArk.Observe;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.CyberArk.Write;

/// <summary>
/// PVWA has no transactions: every write is one request (an account's secret rotation a second one), effective at
/// once, and the engine journals each write before it is sent and compensates the completed ones in reverse order when
/// a later one fails (<see cref="TransactionGuarantee.None"/>). A create whose answer was lost (timeout, dropped
/// connection, 5xx) is looked up first (a safe or member by name, an account by safe and name): found, it is adopted,
/// never made twice. Deleting what is already gone succeeds. An access request is never updated: a change is planned as
/// cancel (DELETE MyRequests) and create.
/// </summary>
internal sealed partial class CyberArkWriter(CyberArkClient client) : IPamWriter
{
    public Task<IWriteSession> BeginAsync(IReadOnlyList<WriteOperation> planned, LiveState live, CancellationToken cancellationToken) =>
        Task.FromResult<IWriteSession>(new Session(client, live));

    /// <summary>PVWA account ids: safe number and object number (<c>23_3</c>).</summary>
    [GeneratedRegex("^[0-9]{1,12}_[0-9]{1,12}$")]
    internal static partial Regex AccountId();

    private sealed class Session(CyberArkClient client, LiveState live) : IWriteSession
    {
        /// <summary>Ids of accounts created in this session, by name (an access request in the same apply needs them).</summary>
        private readonly ConcurrentDictionary<string, string> _accounts = new(StringComparer.OrdinalIgnoreCase);

        public TransactionGuarantee Guarantee => TransactionGuarantee.None;

        public async Task<WriteOutcome> WriteAsync(WriteOperation operation, CancellationToken cancellationToken)
        {
            try
            {
                var id = operation.Kind.WireType switch
                {
                    "safe" => await SafeAsync(operation, cancellationToken),
                    "account" => await AccountAsync(operation, cancellationToken),
                    "safe_member" => await MemberAsync(operation, cancellationToken),
                    "access_request" => await RequestAsync(operation, cancellationToken),
                    _ => throw new PamApiException(ApiErrorKind.Invalid, $"cyberark has no kind {operation.Kind.Kind}"),
                };
                return WriteOutcome.Applied(id);
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

        private async Task<string?> SafeAsync(WriteOperation op, CancellationToken ct)
        {
            var name = PathSegment.Of(op.Key, null, "a safe name");
            switch (op.Operation)
            {
                case WriteKind.Create:
                    var body = SafeBody(op.Spec!);
                    body["safeName"] = op.Key;
                    var created = await CreateAsync(HttpMethod.Post, "API/Safes", body,
                        () => client.SendAsync(HttpMethod.Get, $"API/Safes/{name}/", null, ct), ct);
                    return WireToSpec.Text(created?["safeUrlId"]) ?? op.Key;
                case WriteKind.Update:
                    var merged = Merge(op.LiveSpec, op.Spec);
                    var update = SafeBody(merged);
                    update["safeName"] = op.Key;
                    await client.SendAsync(HttpMethod.Put, $"API/Safes/{name}/", update, ct);
                    return op.ExternalId;
                default:
                    await client.SendAsync(HttpMethod.Delete, $"API/Safes/{name}/", null, ct);
                    return op.ExternalId;
            }
        }

        private async Task<string?> AccountAsync(WriteOperation op, CancellationToken ct)
        {
            switch (op.Operation)
            {
                case WriteKind.Create:
                    var spec = op.Spec!;
                    var body = new JsonObject
                    {
                        ["name"] = op.Key,
                        ["safeName"] = Str(spec["safe"]),
                        ["platformId"] = Str(spec["platformId"]),
                        ["address"] = Str(spec["address"]) ?? "",
                        ["userName"] = Str(spec["userName"]) ?? "",
                        ["secretType"] = Str(spec["secretType"]) ?? "password",
                        ["platformAccountProperties"] = Properties(spec["platformProperties"]),
                        ["secretManagement"] = Management(spec),
                        ["remoteMachinesAccess"] = new JsonObject
                        {
                            ["remoteMachines"] = Str(spec["remoteMachines"]) ?? "",
                            ["accessRestrictedToRemoteMachines"] = spec["restrictToRemoteMachines"]?.GetValue<bool>() ?? false,
                        },
                    };
                    if (op.Secrets.TryGetValue("secret", out var secret))
                    {
                        body["secret"] = secret;
                    }

                    var created = await CreateAsync(HttpMethod.Post, "API/Accounts", body, () => FindAccountAsync(Str(spec["safe"])!, op.Key, ct), ct);
                    var id = WireToSpec.Text(created?["id"]);
                    if (id is null || !AccountId().IsMatch(id))
                    {
                        throw new PamApiException(ApiErrorKind.UntrustedAnswer, "the PAM answered something pamctl cannot trust: the created account has no id like 23_3");
                    }

                    _accounts[op.Key] = id;
                    return id;
                case WriteKind.Update:
                    var path = $"API/Accounts/{PathSegment.Of(op.ExternalId, AccountId(), "the id of account " + op.Key)}";
                    var operations = PatchOperations(op.LiveSpec ?? [], op.Spec ?? []);
                    if (operations.Count > 0)
                    {
                        await client.SendAsync(HttpMethod.Patch, path, operations, ct);
                    }

                    if (op.Secrets.TryGetValue("secret", out var rotated))
                    {
                        await client.SendAsync(HttpMethod.Post, path + "/Password/Update", new JsonObject { ["NewCredentials"] = rotated }, ct);
                    }

                    return op.ExternalId;
                default:
                    await client.SendAsync(HttpMethod.Delete, $"API/Accounts/{PathSegment.Of(op.ExternalId, AccountId(), "the id of account " + op.Key)}", null, ct);
                    return op.ExternalId;
            }
        }

        private async Task<string?> MemberAsync(WriteOperation op, CancellationToken ct)
        {
            var spec = op.Operation == WriteKind.Create ? op.Spec! : Merge(op.LiveSpec, op.Spec);
            var safe = PathSegment.Of(Str(spec["safe"]), null, "the safe of member " + op.Key);
            var member = PathSegment.Of(Str(spec["member"]), null, "the member " + op.Key);
            var body = new JsonObject
            {
                ["membershipExpirationDate"] = spec["membershipExpiration"] is JsonValue e && DateTimeOffset.TryParse(e.GetValue<string>(),
                    System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at.ToUnixTimeSeconds() : null,
                ["permissions"] = Permissions(spec["permissions"] as JsonObject),
            };
            switch (op.Operation)
            {
                case WriteKind.Create:
                    body["memberName"] = Str(spec["member"]);
                    body["searchIn"] = "Vault";
                    await CreateAsync(HttpMethod.Post, $"API/Safes/{safe}/Members/", body,
                        () => client.SendAsync(HttpMethod.Get, $"API/Safes/{safe}/Members/{member}/", null, ct), ct);
                    return $"{Str(spec["safe"])}:{Str(spec["member"])}";
                case WriteKind.Update:
                    await client.SendAsync(HttpMethod.Put, $"API/Safes/{safe}/Members/{member}/", body, ct);
                    return op.ExternalId;
                default:
                    await client.SendAsync(HttpMethod.Delete, $"API/Safes/{safe}/Members/{member}/", null, ct);
                    return op.ExternalId;
            }
        }

        private async Task<string?> RequestAsync(WriteOperation op, CancellationToken ct)
        {
            switch (op.Operation)
            {
                case WriteKind.Create:
                    var spec = op.Spec!;
                    var name = Str(spec["account"])!;
                    var accountId = _accounts.TryGetValue(name, out var made) ? made
                        : live.Find(CyberArkKinds.Account.Type, name) is { } account && string.Equals(Str(account.Spec["safe"]), Str(spec["safe"]), StringComparison.OrdinalIgnoreCase)
                            ? account.ExternalId
                            : await FindAccountAsync(Str(spec["safe"])!, name, ct) is JsonObject found ? WireToSpec.Text(found["id"]) : null;
                    if (accountId is null)
                    {
                        throw new PamApiException(ApiErrorKind.NotFound, $"cyberark has no account {name} in safe {Str(spec["safe"])} to request access to");
                    }

                    var body = new JsonObject
                    {
                        ["AccountId"] = accountId,
                        ["Reason"] = Str(spec["reason"]),
                        ["MultipleAccess"] = spec["multipleAccess"]?.GetValue<bool>() ?? false,
                        ["ToDate"] = Unix(spec["to"]),
                    };
                    Optional(body, "TicketingSystemName", Str(spec["ticketingSystem"]));
                    Optional(body, "TicketID", Str(spec["ticketId"]));
                    if (Unix(spec["from"]) is { } from)
                    {
                        body["FromDate"] = from;
                    }

                    if (Str(spec["connectionComponent"]) is { } component)
                    {
                        body["UseConnect"] = true;
                        body["ConnectionComponent"] = component;
                        body["ConnectionParams"] = new JsonObject([.. (spec["connectionParameters"] as JsonArray ?? []).OfType<JsonObject>()
                            .Select(p => KeyValuePair.Create(Str(p["name"])!, (JsonNode?)new JsonObject
                            {
                                ["value"] = Str(p["value"]) ?? "",
                                ["ShouldSave"] = p["shouldSave"]?.GetValue<bool>() ?? false,
                            }))]);
                    }

                    var created = await client.SendAsync(HttpMethod.Post, "API/MyRequests", body, ct);
                    return WireToSpec.Text(created?["RequestID"])
                        ?? throw new PamApiException(ApiErrorKind.UntrustedAnswer, "the PAM answered something pamctl cannot trust: the created request has no RequestID");
                case WriteKind.Update:
                    throw new PamApiException(ApiErrorKind.Invalid, "a cyberark access request cannot be changed: it is cancelled and requested again");
                default:
                    await client.SendAsync(HttpMethod.Delete, $"API/MyRequests/{PathSegment.Of(op.ExternalId, null, "the request id of " + op.Key)}/", null, ct);
                    return op.ExternalId;
            }
        }

        /// <summary>Sends a create once; when its answer was lost, looks the object up and adopts it when it is there.</summary>
        private async Task<JsonNode?> CreateAsync(HttpMethod method, string path, JsonObject body, Func<Task<JsonNode?>> lookup, CancellationToken ct)
        {
            try
            {
                return await client.SendAsync(method, path, body, ct);
            }
            catch (PamApiException ex) when (ex.IsTransient)
            {
                try
                {
                    if (await lookup() is JsonObject existing)
                    {
                        return existing;
                    }
                }
                catch (PamApiException lookupFailure) when (lookupFailure.Kind == ApiErrorKind.NotFound)
                {
                    // Not made: report the original failure.
                }

                throw;
            }
        }

        private async Task<JsonNode?> FindAccountAsync(string safe, string name, CancellationToken ct)
        {
            var query = $"API/Accounts?filter={Uri.EscapeDataString("safeName eq " + safe)}&search={Uri.EscapeDataString(name)}&limit=1000";
            var rows = await client.ListAsync(query, "accounts", WireToSpec.IsAccount, r => WireToSpec.Text(r["id"])!, ct);
            return rows.FirstOrDefault(r => string.Equals(WireToSpec.Text(r["name"]), name, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>JSON-Patch operations taking the live account to the changed members of <paramref name="changes"/>:
        /// platform properties one by one (added, replaced, removed), secret management and remote access by member.</summary>
        private static JsonArray PatchOperations(JsonObject liveSpec, JsonObject changes)
        {
            var ops = new JsonArray();
            void Op(string verb, string path, JsonNode? value)
            {
                var op = new JsonObject { ["op"] = verb, ["path"] = path };
                if (verb != "remove")
                {
                    op["value"] = value;
                }

                ops.Add(op);
            }

            foreach (var (field, wire) in new[] { ("platformId", "/platformId"), ("address", "/address"), ("userName", "/userName") })
            {
                if (changes.ContainsKey(field))
                {
                    Op("replace", wire, Str(changes[field]) ?? "");
                }
            }

            if (changes.ContainsKey("platformProperties"))
            {
                var before = Properties(liveSpec["platformProperties"]);
                var after = Properties(changes["platformProperties"]);
                foreach (var (name, value) in after)
                {
                    if (!before.TryGetPropertyValue(name, out var old) || Str(old) != Str(value))
                    {
                        Op(before.ContainsKey(name) ? "replace" : "add", "/platformAccountProperties/" + name, value?.DeepClone());
                    }
                }

                foreach (var (name, _) in before.Where(p => !after.ContainsKey(p.Key)))
                {
                    Op("remove", "/platformAccountProperties/" + name, null);
                }
            }

            if (changes.ContainsKey("automaticManagement"))
            {
                Op("replace", "/secretManagement/automaticManagementEnabled", changes["automaticManagement"]?.GetValue<bool>() ?? true);
            }

            if (changes.ContainsKey("manualManagementReason"))
            {
                if (Str(changes["manualManagementReason"]) is { } reason)
                {
                    Op("replace", "/secretManagement/manualManagementReason", reason);
                }
                else
                {
                    Op("remove", "/secretManagement/manualManagementReason", null);
                }
            }

            if (changes.ContainsKey("remoteMachines"))
            {
                Op("replace", "/remoteMachinesAccess/remoteMachines", Str(changes["remoteMachines"]) ?? "");
            }

            if (changes.ContainsKey("restrictToRemoteMachines"))
            {
                Op("replace", "/remoteMachinesAccess/accessRestrictedToRemoteMachines", changes["restrictToRemoteMachines"]?.GetValue<bool>() ?? false);
            }

            return ops;
        }

        private static JsonObject SafeBody(JsonObject spec)
        {
            var body = new JsonObject
            {
                ["description"] = Str(spec["description"]) ?? "",
                ["location"] = Str(spec["location"]) ?? "\\",
                ["olacEnabled"] = spec["olacEnabled"]?.GetValue<bool>() ?? false,
                ["managingCPM"] = Str(spec["managingCpm"]) ?? "",
                ["autoPurgeEnabled"] = spec["autoPurgeEnabled"]?.GetValue<bool>() ?? false,
            };
            foreach (var name in new[] { "numberOfVersionsRetention", "numberOfDaysRetention" })
            {
                if (spec[name] is JsonValue v && v.TryGetValue<long>(out var l))
                {
                    body[name] = l;
                }
            }

            return body;
        }

        private static JsonObject Management(JsonObject spec)
        {
            var management = new JsonObject { ["automaticManagementEnabled"] = spec["automaticManagement"]?.GetValue<bool>() ?? true };
            if (Str(spec["manualManagementReason"]) is { } reason)
            {
                management["manualManagementReason"] = reason;
            }

            return management;
        }

        private static JsonObject Properties(JsonNode? list) =>
            new([.. (list as JsonArray ?? []).OfType<JsonObject>().Where(p => Str(p["name"]) is not null)
                .Select(p => KeyValuePair.Create(Str(p["name"])!, (JsonNode?)(Str(p["value"]) ?? "")))]);

        private static JsonObject Permissions(JsonObject? given) =>
            new(CyberArkKinds.Permissions.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)(given?[p.Name]?.GetValue<bool>() ?? false))));

        /// <summary>The live spec with the update's members laid over it (nested objects merged, null clears).</summary>
        private static JsonObject Merge(JsonObject? liveSpec, JsonObject? changes)
        {
            var merged = liveSpec?.DeepClone().AsObject() ?? [];
            foreach (var (key, value) in changes ?? [])
            {
                if (value is JsonObject inner && merged[key] is JsonObject existing)
                {
                    merged[key] = Merge(existing, inner);
                }
                else if (value is null)
                {
                    merged.Remove(key);
                }
                else
                {
                    merged[key] = value.DeepClone();
                }
            }

            return merged;
        }

        private static long? Unix(JsonNode? node) =>
            node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at.ToUnixTimeSeconds()
                : null;

        private static void Optional(JsonObject body, string name, string? value)
        {
            if (value is not null)
            {
                body[name] = value;
            }
        }

        private static string? Str(JsonNode? node) => WireToSpec.Text(node);
    }
}
