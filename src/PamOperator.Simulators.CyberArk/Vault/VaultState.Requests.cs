using System.Globalization;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.CyberArk.Vault;

/// <summary>
/// Dual-control access requests (seed 003, pam-apis §3.4). A request on an account needs
/// <see cref="CyberArkSimulatorOptions.Level1Confirmations"/> confirmations from the safe's members holding
/// <c>requestsAuthorizationLevel1</c>, then, when the safe has members holding <c>requestsAuthorizationLevel2</c>,
/// <see cref="CyberArkSimulatorOptions.Level2Confirmations"/> from them. Status: 1 Waiting, 2 Confirmed, 3 Rejected,
/// 4 Deleted (cancelled by the requester), 5 Expired (its ExpirationDate passed while waiting or confirmed).
/// </summary>
internal sealed partial class VaultState
{
    public const int Waiting = 1;
    public const int Confirmed = 2;
    public const int Rejected = 3;
    public const int Deleted = 4;
    public const int Expired = 5;

    private static readonly string[] StatusTitles = ["", "Waiting", "Confirmed", "Rejected", "Deleted", "Expired"];

    public ApiResult CreateRequest(JsonObject body, string requester)
    {
        lock (_gate)
        {
            var errors = new List<string?>();
            Body.TryString(body, "AccountId", out var accountId, out var error);
            errors.Add(error);
            Body.TryString(body, "Reason", out var reason, out error);
            errors.Add(error);
            Body.TryString(body, "TicketingSystemName", out var ticketing, out error);
            errors.Add(error);
            Body.TryString(body, "TicketID", out var ticket, out error);
            errors.Add(error);
            Body.TryBool(body, "MultipleAccess", out var multiple, out error);
            errors.Add(error);
            Body.TryBool(body, "MultipleAccessRequired", out var multipleRequired, out error);
            errors.Add(error);
            Body.TryLong(body, "FromDate", out var from, out error);
            errors.Add(error);
            Body.TryLong(body, "ToDate", out var to, out error);
            errors.Add(error);
            Body.TryBool(body, "UseConnect", out var useConnect, out error);
            errors.Add(error);
            Body.TryString(body, "ConnectionComponent", out var component, out error);
            errors.Add(error);
            if (errors.FirstOrDefault(e => e is not null) is { } problem)
            {
                return ApiResult.BadRequest(problem);
            }

            if (accountId is null)
            {
                return ApiResult.BadRequest("AccountId is required");
            }

            if (Find(AccountKind, accountId) is not { } account)
            {
                return AccountNotFound(accountId);
            }

            var now = NowUnlocked();
            if ((from is not null && to is not null && to <= from) || to <= now)
            {
                return ApiResult.BadRequest("ToDate must be later than FromDate and than now");
            }

            if (ConnectionParams(body["ConnectionParams"], out var parameters) is { } invalid)
            {
                return invalid;
            }

            if (body["AdditionalInfo"] is { } info && info is not JsonObject)
            {
                return ApiResult.BadRequest("AdditionalInfo must be an object of key:value pairs");
            }

            if (component is not null && useConnect == false)
            {
                return ApiResult.BadRequest("ConnectionComponent needs UseConnect true");
            }

            var safeName = account["safeName"]!.GetValue<string>();
            var level2 = All(MemberKind).Any(m => Same(m["safeName"], safeName) && Permission(m, "requestsAuthorizationLevel2"));
            var id = $"{safeName}_{Next("requestNumber", 1)}";
            var request = new JsonObject
            {
                ["RequestID"] = id,
                ["SafeName"] = safeName,
                ["RequestorUserName"] = requester,
                ["RequestorReason"] = reason ?? "",
                ["UserReason"] = reason ?? "",
                ["TicketID"] = ticket,
                ["TicketingSystem"] = ticketing,
                ["Emergency"] = false,
                ["RefNo"] = Next("refNo", 1),
                ["PSMRemoteMachine"] = useConnect == true ? account["address"]?.DeepClone() : null,
                ["CreationDate"] = now,
                ["Operation"] = useConnect == true ? "Connect" : "Show Password",
                ["ExpirationDate"] = to ?? now + (long)_options.RequestValidity.TotalSeconds,
                ["OperationType"] = useConnect == true ? 2 : 1,
                ["AccessType"] = (multiple ?? multipleRequired) == true ? "Multiple" : "OneTime",
                ["AccessFrom"] = from,
                ["AccessTo"] = to,
                ["UseConnect"] = useConnect ?? false,
                ["ConnectionComponent"] = component,
                ["ConnectionParams"] = parameters,
                ["AdditionalInfo"] = body["AdditionalInfo"]?.DeepClone() ?? new JsonObject(),
                ["TicketingSystemProperties"] = ticketing is null && ticket is null ? null
                    : new JsonObject { ["Name"] = ticketing, ["Number"] = ticket, ["Status"] = 0 },
                ["AccountDetails"] = new JsonObject
                {
                    ["AccountID"] = account["id"]!.DeepClone(),
                    ["Properties"] = new JsonObject
                    {
                        ["Address"] = account["address"]?.DeepClone(),
                        ["Safe"] = safeName,
                        ["Folder"] = "Root",
                        ["Name"] = account["name"]!.DeepClone(),
                        ["PolicyID"] = account["platformId"]!.DeepClone(),
                        ["PlatformName"] = account["platformId"]!.DeepClone(),
                        ["Username"] = account["userName"]?.DeepClone(),
                        ["CreationDate"] = account["createdTime"]?.DeepClone(),
                        ["IsSSHKey"] = account["secretType"]?.GetValue<string>() == "key",
                    },
                },
                ["_state"] = Waiting,
                ["_level1Left"] = Math.Max(1, _options.Level1Confirmations),
                ["_level2Left"] = level2 ? Math.Max(1, _options.Level2Confirmations) : 0,
                ["_level"] = 1,
                ["_confirmers"] = new JsonArray(),
            };
            Put(RequestKind, id, request);
            return ApiResult.Created(RenderRequest(request, now));
        }
    }

    /// <summary>The caller's own requests (never cancelled ones); <paramref name="expired"/> adds expired ones.</summary>
    public JsonArray MyRequests(string user, bool onlyWaiting, bool expired)
    {
        lock (_gate)
        {
            var now = NowUnlocked();
            return Render(All(RequestKind).Where(r => Same(r["RequestorUserName"], user)), now, onlyWaiting, expired);
        }
    }

    public ApiResult MyRequest(string user, string id)
    {
        lock (_gate)
        {
            return Find(RequestKind, id) is { } r && Same(r["RequestorUserName"], user) && State(r, NowUnlocked()) != Deleted
                ? ApiResult.Ok(RenderRequest(r, NowUnlocked()))
                : RequestNotFound(id);
        }
    }

    /// <summary>Cancels the caller's request (it disappears from every list).</summary>
    public ApiResult CancelRequest(string user, string id)
    {
        lock (_gate)
        {
            if (Find(RequestKind, id)?.DeepClone().AsObject() is not { } r || !Same(r["RequestorUserName"], user) || State(r, NowUnlocked()) == Deleted)
            {
                return RequestNotFound(id);
            }

            r["_state"] = Deleted;
            Put(RequestKind, id, r);
            return new ApiResult(200, null);
        }
    }

    /// <summary>Requests the caller may confirm or reject: on a safe where they hold a confirmation level.</summary>
    public JsonArray IncomingRequests(string user, bool onlyWaiting, bool expired)
    {
        lock (_gate)
        {
            var now = NowUnlocked();
            return Render(All(RequestKind).Where(r => ConfirmerLevels(r, user).Count > 0), now, onlyWaiting, expired);
        }
    }

    public ApiResult IncomingRequest(string user, string id)
    {
        lock (_gate)
        {
            return Find(RequestKind, id) is { } r && ConfirmerLevels(r, user).Count > 0 && State(r, NowUnlocked()) != Deleted
                ? ApiResult.Ok(RenderRequest(r, NowUnlocked()))
                : RequestNotFound(id);
        }
    }

    /// <summary>Confirms (or rejects) at the request's current level. Only a waiting request can be answered, once per
    /// confirmer, by a member holding that level's permission.</summary>
    public ApiResult Answer(string user, string id, bool confirm, string? reason)
    {
        lock (_gate)
        {
            var now = NowUnlocked();
            if (Find(RequestKind, id)?.DeepClone().AsObject() is not { } r || ConfirmerLevels(r, user).Count == 0 || State(r, now) == Deleted)
            {
                return RequestNotFound(id);
            }

            var state = State(r, now);
            if (state != Waiting)
            {
                return ApiResult.BadRequest($"request {id} is {StatusTitles[state]}: only a waiting request can be confirmed or rejected");
            }

            var level = r["_level"]!.GetValue<int>();
            if (!ConfirmerLevels(r, user).Contains(level))
            {
                return ApiResult.Forbidden($"{user} is not a level {level} confirmer of safe {r["SafeName"]}");
            }

            var confirmers = r["_confirmers"]!.AsArray();
            if (confirmers.OfType<JsonObject>().Any(c => Same(c["Name"], user) && c["_level"]!.GetValue<int>() == level))
            {
                return ApiResult.Conflict($"{user} already answered request {id}");
            }

            var directory = Find(UserKind, user);
            confirmers.Add(new JsonObject
            {
                ["Type"] = 1,
                ["ID"] = directory?["id"]?.DeepClone(),
                ["Name"] = directory?["name"]?.DeepClone() ?? user,
                ["Action"] = confirm ? 1 : 2,
                ["Reason"] = reason ?? "",
                ["ActionDate"] = now,
                ["_level"] = level,
            });
            if (!confirm)
            {
                r["_state"] = Rejected;
            }
            else if (level == 1 && r["_level1Left"]!.GetValue<int>() > 1)
            {
                r["_level1Left"] = r["_level1Left"]!.GetValue<int>() - 1;
            }
            else if (level == 1)
            {
                r["_level1Left"] = 0;
                if (r["_level2Left"]!.GetValue<int>() > 0)
                {
                    r["_level"] = 2;
                }
                else
                {
                    r["_state"] = Confirmed;
                }
            }
            else
            {
                r["_level2Left"] = r["_level2Left"]!.GetValue<int>() - 1;
                if (r["_level2Left"]!.GetValue<int>() == 0)
                {
                    r["_state"] = Confirmed;
                }
            }

            Put(RequestKind, id, r);
            return new ApiResult(200, null);
        }
    }

    private JsonArray Render(IEnumerable<JsonObject> requests, long now, bool onlyWaiting, bool expired) =>
        new([.. requests
            .Where(r => State(r, now) is var s && s != Deleted && (expired || s != Expired) && (!onlyWaiting || s == Waiting))
            .Select(r => (JsonNode)RenderRequest(r, now))]);

    private static JsonObject RenderRequest(JsonObject request, long now)
    {
        var rendered = Body.Public(request);
        var state = State(request, now);
        var left = state == Waiting ? request["_level1Left"]!.GetValue<int>() + request["_level2Left"]!.GetValue<int>() : 0;
        rendered["ConfirmationsLeft"] = left;
        rendered["Status"] = state;
        rendered["StatusTitle"] = StatusTitles[state];
        rendered["InvalidRequestReason"] = 0;
        rendered["CurrentConfirmationLevel"] = request["_level"]!.DeepClone();
        rendered["RequiredConfirmersCountLevel2"] = request["_level2Left"]!.DeepClone();
        rendered["Confirmers"] = new JsonArray([.. request["_confirmers"]!.AsArray().OfType<JsonObject>().Select(c => (JsonNode)Body.Public(c))]);
        return rendered;
    }

    /// <summary>The stored state, or Expired once ExpirationDate has passed for a waiting or confirmed request.</summary>
    private static int State(JsonObject request, long now)
    {
        var state = request["_state"]!.GetValue<int>();
        return state is Waiting or Confirmed && request["ExpirationDate"]!.GetValue<long>() <= now ? Expired : state;
    }

    /// <summary>The confirmation levels <paramref name="user"/> holds on the request's safe (never on their own request).</summary>
    private List<int> ConfirmerLevels(JsonObject request, string user)
    {
        var levels = new List<int>();
        if (Same(request["RequestorUserName"], user) || Find(MemberKind, $"{request["SafeName"]}|{user}") is not { } member)
        {
            return levels;
        }

        if (Permission(member, "requestsAuthorizationLevel1"))
        {
            levels.Add(1);
        }

        if (Permission(member, "requestsAuthorizationLevel2"))
        {
            levels.Add(2);
        }

        return levels;
    }

    private static bool Permission(JsonObject member, string name) => member["permissions"]?[name]?.GetValue<bool>() == true;

    /// <summary>ConnectionParams: <c>{"NAME": {"value": "...", "ShouldSave": false}}</c> (a list of named parameters).</summary>
    private static ApiResult? ConnectionParams(JsonNode? node, out JsonObject? parameters)
    {
        parameters = null;
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject given)
        {
            return ApiResult.BadRequest("ConnectionParams must be an object of {\"value\", \"ShouldSave\"} by parameter name");
        }

        parameters = new JsonObject();
        foreach (var (name, item) in given)
        {
            if (item is not JsonObject p || !Body.TryString(p, "value", out var value, out _) || !Body.TryBool(p, "ShouldSave", out var save, out _))
            {
                return ApiResult.BadRequest($"ConnectionParams.{name} must be {{\"value\": string, \"ShouldSave\": boolean}}");
            }

            parameters[name] = new JsonObject { ["value"] = value ?? "", ["ShouldSave"] = save ?? false };
        }

        return null;
    }

    private static ApiResult RequestNotFound(string id) =>
        ApiResult.NotFound(string.Create(CultureInfo.InvariantCulture, $"Request {id} was not found"));
}
