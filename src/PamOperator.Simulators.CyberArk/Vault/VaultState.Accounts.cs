using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Common.Secrets;

namespace PamOperator.Simulators.CyberArk.Vault;

/// <summary>Accounts (pam-apis §3.3): create, list with <c>filter</c>/<c>search</c>, JSON-Patch update, delete. The
/// secret is stored as a salted hash and never returned.</summary>
internal sealed partial class VaultState
{
    private static readonly string[] Searched = ["userName", "address", "platformId", "name"];

    private static readonly string[] TopLevel = ["name", "address", "userName", "platformId", "safeName", "secretType", "secret",
        "platformAccountProperties", "secretManagement", "remoteMachinesAccess"];

    /// <summary>Accounts whose safe is <paramref name="safeName"/> (when given) and where every keyword of
    /// <paramref name="search"/> matches one of userName, address, platformId and name (ignoring case).</summary>
    public (List<JsonObject> Items, int Total) ListAccounts(string? safeName, string? search, bool startsWith, int offset, int limit)
    {
        lock (_gate)
        {
            var keywords = (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var all = All(AccountKind)
                .Where(a => safeName is null || Same(a["safeName"], safeName))
                .Where(a => keywords.All(k => Searched.Any(p => a[p] is JsonValue v && Matches(v.GetValue<string>(), k, startsWith))))
                .ToList();
            return ([.. all.Skip(offset).Take(limit).Select(RenderAccount)], all.Count);
        }
    }

    public ApiResult GetAccount(string id)
    {
        lock (_gate)
        {
            return Find(AccountKind, id) is { } account ? ApiResult.Ok(RenderAccount(account)) : AccountNotFound(id);
        }
    }

    public ApiResult AddAccount(JsonObject body)
    {
        lock (_gate)
        {
            if (!Body.TryString(body, "safeName", out var safeName, out var error) || !Body.TryString(body, "secret", out var secret, out error))
            {
                return ApiResult.BadRequest(error!);
            }

            if (safeName is null || Find(SafeKind, safeName) is not { } safe)
            {
                return safeName is null ? ApiResult.BadRequest("safeName is required") : ApiResult.BadRequest($"Safe {safeName} was not found");
            }

            var account = new JsonObject
            {
                ["safeName"] = safe["safeName"]!.DeepClone(),
                ["secretType"] = "password",
                ["platformAccountProperties"] = new JsonObject(),
                ["secretManagement"] = new JsonObject { ["automaticManagementEnabled"] = true },
            };
            if (Body.TryString(body, "secretType", out var secretType, out error) && secretType is not null)
            {
                if (secretType is not ("password" or "key"))
                {
                    return ApiResult.BadRequest("secretType must be password or key");
                }

                account["secretType"] = secretType;
            }
            else if (error is not null)
            {
                return ApiResult.BadRequest(error);
            }

            foreach (var name in TopLevel.Where(n => n is not ("safeName" or "secretType" or "secret")))
            {
                if (body[name] is { } value && Assign(account, "/" + name, value.DeepClone(), merge: false) is { } invalid)
                {
                    return invalid;
                }
            }

            if (Validate(account, null) is { } problem)
            {
                return problem;
            }

            var now = NowUnlocked();
            var id = $"{safe["safeNumber"]}_{Next("objectNumber", 3)}";
            account["id"] = id;
            account["createdTime"] = now;
            account["categoryModificationTime"] = now;
            account["secretManagement"]!["lastModifiedTime"] = now;
            account.Remove("secret");
            if (secret is not null)
            {
                account["_secret"] = SecretHash.Hash(secret);
            }

            var ordered = Order(account);
            Put(AccountKind, id, ordered);
            return ApiResult.Created(RenderAccount(ordered));
        }
    }

    /// <summary>Applies a JSON-Patch array (<c>add</c>/<c>replace</c>/<c>remove</c>) all or nothing and answers the
    /// updated account.</summary>
    public ApiResult PatchAccount(string id, JsonNode? body)
    {
        lock (_gate)
        {
            if (Find(AccountKind, id)?.DeepClone().AsObject() is not { } account)
            {
                return AccountNotFound(id);
            }

            if (body is not JsonArray operations || operations.Count == 0)
            {
                return ApiResult.BadRequest("the body must be a non-empty JSON-Patch array of {op, path, value}");
            }

            foreach (var node in operations)
            {
                if (node is not JsonObject op || !Body.TryString(op, "op", out var verb, out _) || !Body.TryString(op, "path", out var path, out _)
                    || verb is null || path is null || !path.StartsWith('/'))
                {
                    return ApiResult.BadRequest("each operation needs a string op and a path starting with /");
                }

                var top = path.Split('/')[1];
                if (TopLevel.FirstOrDefault(t => t.Equals(top, StringComparison.OrdinalIgnoreCase)) is not { } known)
                {
                    // PVWA binds the body to its model: a member it does not model changes nothing (decision; the
                    // ansible module sends its own options, e.g. logging_file, this way).
                    continue;
                }

                if (known is "safeName" or "secretType" or "secret")
                {
                    return ApiResult.BadRequest($"{known} cannot be changed with this method");
                }

                var result = verb.ToLowerInvariant() switch
                {
                    "add" or "replace" when op["value"] is { } value => Assign(account, path, value.DeepClone(), merge: true),
                    "add" or "replace" => ApiResult.BadRequest($"{verb} {path} needs a value"),
                    "remove" => Unassign(account, path, op["value"] as JsonObject),
                    _ => ApiResult.BadRequest($"op must be add, replace or remove, not {verb}"),
                };
                if (result is not null)
                {
                    return result;
                }
            }

            if (Validate(account, id) is { } problem)
            {
                return problem;
            }

            account["categoryModificationTime"] = NowUnlocked();
            Put(AccountKind, id, account);
            return ApiResult.Ok(RenderAccount(account));
        }
    }

    /// <summary>Stores a new secret (<c>POST API/Accounts/{id}/Password/Update</c> with <c>NewCredentials</c>).</summary>
    public ApiResult SetSecret(string id, JsonObject body)
    {
        lock (_gate)
        {
            if (Find(AccountKind, id)?.DeepClone().AsObject() is not { } account)
            {
                return AccountNotFound(id);
            }

            if (!Body.TryString(body, "NewCredentials", out var secret, out var error) || string.IsNullOrEmpty(secret))
            {
                return ApiResult.BadRequest(error ?? "NewCredentials is required");
            }

            account["_secret"] = SecretHash.Hash(secret);
            account["secretManagement"]!["lastModifiedTime"] = NowUnlocked();
            Put(AccountKind, id, account);
            return new ApiResult(200, null);
        }
    }

    public ApiResult DeleteAccount(string id)
    {
        lock (_gate)
        {
            if (Find(AccountKind, id) is null)
            {
                return AccountNotFound(id);
            }

            Remove(AccountKind, id);
            return new ApiResult(204, null);
        }
    }

    /// <summary>Stores <paramref name="count"/> accounts in one transaction (no secrets, nothing hashed): the tests'
    /// large vaults. Answers the first and last id.</summary>
    public ApiResult BulkAccounts(string safeName, string prefix, int count, string platformId)
    {
        lock (_gate)
        {
            if (Find(SafeKind, safeName) is not { } safe)
            {
                return ApiResult.BadRequest($"Safe {safeName} was not found");
            }

            string? first = null, last = null;
            _storage.InTransaction(() =>
            {
                var now = NowUnlocked();
                for (var i = 1; i <= count; i++)
                {
                    var name = prefix + i.ToString(CultureInfo.InvariantCulture);
                    var id = $"{safe["safeNumber"]}_{Next("objectNumber", 3)}";
                    Put(AccountKind, id, new JsonObject
                    {
                        ["id"] = id,
                        ["name"] = name,
                        ["address"] = name + ".example.test",
                        ["userName"] = "svc",
                        ["platformId"] = platformId,
                        ["safeName"] = safe["safeName"]!.DeepClone(),
                        ["secretType"] = "password",
                        ["platformAccountProperties"] = new JsonObject(),
                        ["secretManagement"] = new JsonObject { ["automaticManagementEnabled"] = true, ["lastModifiedTime"] = now },
                        ["createdTime"] = now,
                        ["categoryModificationTime"] = now,
                    });
                    first ??= id;
                    last = id;
                }
            });
            return ApiResult.Ok(new JsonObject { ["count"] = count, ["firstId"] = first, ["lastId"] = last });
        }
    }

    /// <summary>Sets the member at <paramref name="path"/> (<c>/name</c>, <c>/platformAccountProperties</c>,
    /// <c>/secretManagement/automaticManagementEnabled</c>, ...). With <paramref name="merge"/>, an object given for an
    /// object member is merged into it (the ansible module sends only the changed members this way).</summary>
    private static ApiResult? Assign(JsonObject account, string path, JsonNode? value, bool merge)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var top = TopLevel.First(t => t.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
        switch (top)
        {
            case "name" or "address" or "userName" or "platformId" when parts.Length == 1:
                if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    return ApiResult.BadRequest($"{top} must be a string");
                }

                account[top] = v.GetValue<string>();
                return null;
            case "platformAccountProperties":
                var properties = account["platformAccountProperties"]!.AsObject();
                if (parts.Length == 2)
                {
                    if (value is not JsonValue)
                    {
                        return ApiResult.BadRequest($"platformAccountProperties.{parts[1]} must be a string, number or boolean");
                    }

                    properties[parts[1]] = Text(value);
                    return null;
                }

                if (parts.Length != 1 || value is not JsonObject given || given.Any(p => p.Value is not JsonValue))
                {
                    return ApiResult.BadRequest("platformAccountProperties must be an object of strings, numbers or booleans");
                }

                if (!merge)
                {
                    properties.Clear();
                }

                foreach (var (key, item) in given)
                {
                    properties[key] = Text(item!);
                }

                return null;
            case "secretManagement":
                return AssignMembers(account, "secretManagement", parts, value,
                    ("automaticManagementEnabled", JsonValueKind.True), ("manualManagementReason", JsonValueKind.String));
            case "remoteMachinesAccess":
                account["remoteMachinesAccess"] ??= new JsonObject();
                return AssignMembers(account, "remoteMachinesAccess", parts, value,
                    ("remoteMachines", JsonValueKind.String), ("accessRestrictedToRemoteMachines", JsonValueKind.True));
            default:
                return ApiResult.BadRequest($"{path} cannot be set");
        }
    }

    private static ApiResult? AssignMembers(JsonObject account, string top, string[] parts, JsonNode? value,
        params (string Name, JsonValueKind Kind)[] members)
    {
        var target = account[top]!.AsObject();
        var given = parts.Length == 2 ? new JsonObject { [parts[1]] = value?.DeepClone() } : value as JsonObject;
        if (given is null || parts.Length > 2)
        {
            return ApiResult.BadRequest($"{top} must be an object");
        }

        foreach (var (key, item) in given)
        {
            var member = members.FirstOrDefault(m => m.Name.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (member.Name is null)
            {
                return ApiResult.BadRequest($"{top}.{key} is not a member of {top}");
            }

            var kind = item?.GetValueKind();
            var fits = member.Kind == JsonValueKind.True ? kind is JsonValueKind.True or JsonValueKind.False : kind == JsonValueKind.String;
            if (!fits)
            {
                return ApiResult.BadRequest($"{top}.{member.Name} must be {(member.Kind == JsonValueKind.True ? "true or false" : "a string")}");
            }

            target[member.Name] = item!.DeepClone();
        }

        return null;
    }

    private static ApiResult? Unassign(JsonObject account, string path, JsonObject? members)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var top = TopLevel.First(t => t.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
        if (top is "name" or "platformId")
        {
            return ApiResult.BadRequest($"{top} cannot be removed");
        }

        if (parts.Length == 1 && account[top] is JsonObject target)
        {
            if (members is not null)
            {
                foreach (var (key, _) in members)
                {
                    target.Remove(target.Select(p => p.Key).FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)) ?? key);
                }
            }
            else
            {
                target.Clear();
            }

            return null;
        }

        if (parts.Length == 1)
        {
            account.Remove(top);
            return null;
        }

        if (parts.Length == 2 && account[top] is JsonObject parent)
        {
            parent.Remove(parent.Select(p => p.Key).FirstOrDefault(k => k.Equals(parts[1], StringComparison.OrdinalIgnoreCase)) ?? parts[1]);
            return null;
        }

        return ApiResult.BadRequest($"{path} cannot be removed");
    }

    /// <summary>Required members, a known platform, a name unique in the safe (PVWA names an unnamed account
    /// <c>Operating System-PLATFORM-ADDRESS-USER</c>).</summary>
    private ApiResult? Validate(JsonObject account, string? id)
    {
        if (account["platformId"] is not JsonValue p || !Platforms.Contains(p.GetValue<string>(), StringComparer.OrdinalIgnoreCase))
        {
            return ApiResult.BadRequest($"platformId is required and must be one of {string.Join(", ", Platforms)}");
        }

        account["platformId"] = Platforms.First(x => x.Equals(p.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
        if (account["name"] is not JsonValue n || n.GetValue<string>().Length == 0)
        {
            account["name"] = $"Operating System-{account["platformId"]}-{account["address"]}-{account["userName"]}";
        }

        var name = account["name"]!.GetValue<string>();
        if (name.Length > 128)
        {
            return ApiResult.BadRequest("name must be at most 128 characters");
        }

        if (All(AccountKind).Any(a => Same(a["safeName"], account["safeName"]!.GetValue<string>()) && Same(a["name"], name) && !Same(a["id"], id)))
        {
            return ApiResult.Conflict($"an account named {name} already exists in safe {account["safeName"]}");
        }

        return null;
    }

    private static JsonObject Order(JsonObject account)
    {
        string[] order = ["id", "name", "address", "userName", "platformId", "safeName", "secretType", "platformAccountProperties",
            "secretManagement", "remoteMachinesAccess", "createdTime", "categoryModificationTime"];
        var ordered = new JsonObject();
        foreach (var key in order.Concat(account.Select(p => p.Key).Except(order).ToList()))
        {
            if (account.ContainsKey(key))
            {
                ordered[key] = account[key]?.DeepClone();
            }
        }

        return ordered;
    }

    private static JsonObject RenderAccount(JsonObject account) => Body.Public(account);

    private static JsonNode Text(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.DeepClone() : JsonValue.Create(value.ToJsonString())!;

    private static bool Matches(string value, string keyword, bool startsWith) =>
        startsWith ? value.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) : value.Contains(keyword, StringComparison.OrdinalIgnoreCase);

    private static ApiResult AccountNotFound(string id) => ApiResult.NotFound($"Account {id} was not found");
}
