using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PamOperator.Simulators.CyberArk.Vault;

/// <summary>Safes and safe members (pam-apis §3.2).</summary>
internal sealed partial class VaultState
{
    /// <summary>The permissions object of a safe member, in PVWA's order.</summary>
    public static IReadOnlyList<string> Permissions { get; } =
    [
        "useAccounts", "retrieveAccounts", "listAccounts", "addAccounts", "updateAccountContent", "updateAccountProperties",
        "initiateCPMAccountManagementOperations", "specifyNextAccountContent", "renameAccounts", "deleteAccounts",
        "unlockAccounts", "manageSafe", "manageSafeMembers", "backupSafe", "viewAuditLog", "viewSafeMembers",
        "accessWithoutConfirmation", "createFolders", "deleteFolders", "moveAccountsAndFolders",
        "requestsAuthorizationLevel1", "requestsAuthorizationLevel2",
    ];

    public (List<JsonObject> Items, int Total) ListSafes(string? search, int offset, int limit, bool includeAccounts)
    {
        lock (_gate)
        {
            var all = All(SafeKind)
                .Where(s => search is null || Contains(s["safeName"], search) || Contains(s["description"], search))
                .ToList();
            return ([.. all.Skip(offset).Take(limit).Select(s => RenderSafe(s, includeAccounts))], all.Count);
        }
    }

    public ApiResult GetSafe(string safeUrlId, bool includeAccounts)
    {
        lock (_gate)
        {
            return Find(SafeKind, safeUrlId) is { } safe ? ApiResult.Ok(RenderSafe(safe, includeAccounts)) : SafeNotFound(safeUrlId);
        }
    }

    public ApiResult AddSafe(JsonObject body, string user)
    {
        lock (_gate)
        {
            if (!Body.TryString(body, "safeName", out var name, out var error) || name is null)
            {
                return ApiResult.BadRequest(error ?? "safeName is required");
            }

            if (!SafeNameFormat().IsMatch(name))
            {
                return ApiResult.BadRequest("safeName must be 1 to 28 characters without \\ / : * < > . | ? \" % & +");
            }

            if (Find(SafeKind, name) is not null)
            {
                return ApiResult.Conflict($"Safe {name} already exists");
            }

            var safe = new JsonObject
            {
                ["safeUrlId"] = Uri.EscapeDataString(name),
                ["safeName"] = name,
                ["safeNumber"] = Next("safeNumber", 2),
                ["description"] = "",
                ["location"] = "\\",
                ["creator"] = new JsonObject { ["id"] = Find(UserKind, user)?["id"]?.DeepClone(), ["name"] = user },
                ["olacEnabled"] = false,
                ["managingCPM"] = "",
                ["numberOfVersionsRetention"] = null,
                ["numberOfDaysRetention"] = 7,
                ["autoPurgeEnabled"] = false,
                ["creationTime"] = NowUnlocked(),
                ["lastModificationTime"] = NowUnlocked() * 1_000_000,
                ["isExpiredMember"] = false,
            };
            if (ApplySafeProperties(safe, body, creating: true) is { } invalid)
            {
                return invalid;
            }

            Put(SafeKind, name, safe);
            return ApiResult.Created(RenderSafe(safe, includeAccounts: false));
        }
    }

    public ApiResult UpdateSafe(string safeUrlId, JsonObject body)
    {
        lock (_gate)
        {
            if (Find(SafeKind, safeUrlId)?.DeepClone().AsObject() is not { } safe)
            {
                return SafeNotFound(safeUrlId);
            }

            if (body["safeName"] is { } renamed && !string.Equals(renamed.ToString(), safe["safeName"]!.GetValue<string>(), StringComparison.Ordinal))
            {
                return ApiResult.BadRequest("the simulator does not rename safes: safeName must stay the same");
            }

            if (ApplySafeProperties(safe, body, creating: false) is { } invalid)
            {
                return invalid;
            }

            safe["lastModificationTime"] = NowUnlocked() * 1_000_000;
            Put(SafeKind, safe["safeName"]!.GetValue<string>(), safe);
            return ApiResult.Ok(RenderSafe(safe, includeAccounts: false));
        }
    }

    public ApiResult DeleteSafe(string safeUrlId)
    {
        lock (_gate)
        {
            if (Find(SafeKind, safeUrlId) is not { } safe)
            {
                return SafeNotFound(safeUrlId);
            }

            var name = safe["safeName"]!.GetValue<string>();
            if (All(AccountKind).Any(a => Same(a["safeName"], name)))
            {
                return ApiResult.Error(409, ErrorCodes.AlreadyExists, $"Safe {name} still holds accounts: delete them first");
            }

            foreach (var key in _docs[MemberKind].Where(m => Same(m.Value.Body["safeName"], name)).Select(m => m.Key).ToList())
            {
                Remove(MemberKind, key);
            }

            Remove(SafeKind, name);
            return new ApiResult(204, null);
        }
    }

    public ApiResult ListMembers(string safeUrlId, bool includePredefined, string? search, int offset, int limit, out int total)
    {
        lock (_gate)
        {
            total = 0;
            if (Find(SafeKind, safeUrlId) is not { } safe)
            {
                return SafeNotFound(safeUrlId);
            }

            var name = safe["safeName"]!.GetValue<string>();
            var all = All(MemberKind)
                .Where(m => Same(m["safeName"], name) && (includePredefined || m["isPredefinedUser"]?.GetValue<bool>() != true))
                .Where(m => search is null || Contains(m["memberName"], search))
                .ToList();
            total = all.Count;
            return ApiResult.Ok(new JsonArray([.. all.Skip(offset).Take(limit).Select(m => (JsonNode)RenderMember(m))]));
        }
    }

    public ApiResult GetMember(string safeUrlId, string member)
    {
        lock (_gate)
        {
            return Find(SafeKind, safeUrlId) is not { } safe ? SafeNotFound(safeUrlId)
                : Find(MemberKind, MemberId(safe, member)) is { } m ? ApiResult.Ok(RenderMember(m))
                : ApiResult.NotFound($"{member} is not a member of safe {safe["safeName"]}");
        }
    }

    public ApiResult AddMember(string safeUrlId, JsonObject body)
    {
        lock (_gate)
        {
            if (Find(SafeKind, safeUrlId) is not { } safe)
            {
                return SafeNotFound(safeUrlId);
            }

            if (!Body.TryString(body, "memberName", out var name, out var error) || string.IsNullOrEmpty(name))
            {
                return ApiResult.BadRequest(error ?? "memberName is required");
            }

            if (!Body.TryString(body, "searchIn", out var searchIn, out error) || (searchIn is not null && !searchIn.Equals("Vault", StringComparison.OrdinalIgnoreCase)))
            {
                return ApiResult.BadRequest(error ?? "searchIn: the simulator has no directory but the Vault");
            }

            if (Find(UserKind, name) is not { } directoryEntry)
            {
                return ApiResult.NotFound($"user or group {name} was not found in the Vault");
            }

            if (Find(MemberKind, MemberId(safe, name)) is not null)
            {
                return ApiResult.Conflict($"{name} is already a member of safe {safe["safeName"]}");
            }

            var member = new JsonObject
            {
                ["safeUrlId"] = safe["safeUrlId"]!.DeepClone(),
                ["safeName"] = safe["safeName"]!.DeepClone(),
                ["safeNumber"] = safe["safeNumber"]!.DeepClone(),
                ["memberId"] = directoryEntry["id"]!.DeepClone(),
                ["memberName"] = directoryEntry["name"]!.DeepClone(),
                ["memberType"] = directoryEntry["type"]!.DeepClone(),
                ["membershipExpirationDate"] = null,
                ["isExpiredMembershipEnable"] = false,
                ["isPredefinedUser"] = false,
                ["permissions"] = new JsonObject(Permissions.Select(p => KeyValuePair.Create(p, (JsonNode?)false))),
            };
            if (ApplyMemberProperties(member, body) is { } invalid)
            {
                return invalid;
            }

            Put(MemberKind, MemberId(safe, name), member);
            return ApiResult.Created(RenderMember(member));
        }
    }

    public ApiResult UpdateMember(string safeUrlId, string name, JsonObject body)
    {
        lock (_gate)
        {
            if (Find(SafeKind, safeUrlId) is not { } safe)
            {
                return SafeNotFound(safeUrlId);
            }

            if (Find(MemberKind, MemberId(safe, name))?.DeepClone().AsObject() is not { } member)
            {
                return ApiResult.NotFound($"{name} is not a member of safe {safe["safeName"]}");
            }

            if (member["isPredefinedUser"]?.GetValue<bool>() == true)
            {
                return ApiResult.Forbidden($"{name} is a predefined member and cannot be changed");
            }

            if (ApplyMemberProperties(member, body) is { } invalid)
            {
                return invalid;
            }

            Put(MemberKind, MemberId(safe, name), member);
            return ApiResult.Ok(RenderMember(member));
        }
    }

    public ApiResult RemoveMember(string safeUrlId, string name)
    {
        lock (_gate)
        {
            if (Find(SafeKind, safeUrlId) is not { } safe)
            {
                return SafeNotFound(safeUrlId);
            }

            if (Find(MemberKind, MemberId(safe, name)) is not { } member)
            {
                return ApiResult.NotFound($"{name} is not a member of safe {safe["safeName"]}");
            }

            if (member["isPredefinedUser"]?.GetValue<bool>() == true)
            {
                return ApiResult.Forbidden($"{name} is a predefined member and cannot be removed");
            }

            Remove(MemberKind, MemberId(safe, name));
            return new ApiResult(204, null);
        }
    }

    private ApiResult? ApplySafeProperties(JsonObject safe, JsonObject body, bool creating)
    {
        if (!Body.TryString(body, "description", out var description, out var error)
            || !Body.TryString(body, "location", out var location, out error)
            || !Body.TryString(body, "managingCPM", out var cpm, out error)
            || !Body.TryBool(body, "olacEnabled", out var olac, out error)
            || !Body.TryBool(body, "autoPurgeEnabled", out var purge, out error)
            || !Body.TryLong(body, "numberOfVersionsRetention", out var versions, out error)
            || !Body.TryLong(body, "numberOfDaysRetention", out var days, out error))
        {
            return ApiResult.BadRequest(error!);
        }

        if (versions is not null && days is not null)
        {
            return ApiResult.BadRequest("numberOfVersionsRetention and numberOfDaysRetention are mutually exclusive");
        }

        if (description?.Length > 100)
        {
            return ApiResult.BadRequest("description must be at most 100 characters");
        }

        if (versions is < 1 or > 999 || days is < 0 or > 3650)
        {
            return ApiResult.BadRequest("numberOfVersionsRetention must be 1..999 and numberOfDaysRetention 0..3650");
        }

        if (!creating && olac == false && safe["olacEnabled"]!.GetValue<bool>())
        {
            return ApiResult.BadRequest("olacEnabled cannot be switched off once on");
        }

        safe["description"] = description ?? (creating ? "" : safe["description"]?.DeepClone());
        safe["location"] = location ?? safe["location"]?.DeepClone();
        safe["managingCPM"] = cpm ?? safe["managingCPM"]?.DeepClone();
        safe["olacEnabled"] = olac ?? safe["olacEnabled"]!.GetValue<bool>();
        safe["autoPurgeEnabled"] = purge ?? safe["autoPurgeEnabled"]!.GetValue<bool>();
        if (versions is not null)
        {
            (safe["numberOfVersionsRetention"], safe["numberOfDaysRetention"]) = (versions, null);
        }
        else if (days is not null)
        {
            (safe["numberOfVersionsRetention"], safe["numberOfDaysRetention"]) = (null, days);
        }

        return null;
    }

    private static ApiResult? ApplyMemberProperties(JsonObject member, JsonObject body)
    {
        if (body["membershipExpirationDate"] is { } expiry)
        {
            if (!Body.TryLong(body, "membershipExpirationDate", out var unix, out var error))
            {
                return ApiResult.BadRequest(error!);
            }

            member["membershipExpirationDate"] = unix;
        }
        else if (body.ContainsKey("membershipExpirationDate"))
        {
            member["membershipExpirationDate"] = null;
        }

        if (body["permissions"] is null)
        {
            return null;
        }

        if (body["permissions"] is not JsonObject permissions)
        {
            return ApiResult.BadRequest("permissions must be an object");
        }

        var target = member["permissions"]!.AsObject();
        foreach (var (key, _) in permissions)
        {
            var known = Permissions.FirstOrDefault(p => p.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return ApiResult.BadRequest($"permissions.{key} is not a safe member permission");
            }

            if (!Body.TryBool(permissions, known, out var value, out var error))
            {
                return ApiResult.BadRequest("permissions." + error);
            }

            target[known] = value ?? false;
        }

        return null;
    }

    private JsonObject RenderSafe(JsonObject safe, bool includeAccounts)
    {
        var rendered = Body.Public(safe);
        if (includeAccounts)
        {
            rendered["accounts"] = new JsonArray([.. All(AccountKind).Where(a => Same(a["safeName"], safe["safeName"]))
                .Select(a => (JsonNode)new JsonObject { ["id"] = a["id"]!.DeepClone(), ["name"] = a["name"]!.DeepClone() })]);
        }

        return rendered;
    }

    private JsonObject RenderMember(JsonObject member)
    {
        var rendered = Body.Public(member);
        rendered["isExpiredMembershipEnable"] = member["membershipExpirationDate"] is JsonValue v && v.GetValue<long>() <= NowUnlocked();
        return rendered;
    }

    private static string MemberId(JsonObject safe, string member) => $"{safe["safeName"]}|{member}";

    private static bool Same(JsonNode? node, JsonNode? other) => other is JsonValue v && Same(node, v.GetValue<string>());

    private static ApiResult SafeNotFound(string safe) => ApiResult.NotFound($"Safe {safe} was not found");

    private static bool Same(JsonNode? node, string? text) =>
        node is JsonValue v && string.Equals(v.GetValue<string>(), text, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(JsonNode? node, string text) =>
        node is JsonValue v && v.GetValue<string>().Contains(text, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[^\\\\/:*<>.|?\"%&+]{1,28}$")]
    private static partial Regex SafeNameFormat();
}
