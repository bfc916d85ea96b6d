using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Common.Secrets;
using PamOperator.Simulators.Sps.Api;
using PamOperator.Simulators.Sps.Sessions;

namespace PamOperator.Simulators.Sps.Config;

/// <summary>
/// The appliance's state machine behind one lock: sessions, the committed configuration, and at most one open
/// transaction. The transaction locks the configuration: only its session may write, and only its session sees its
/// changes until commit. It expires (rolled back, its session ended) after <see cref="SpsSimulatorOptions.TransactionTimeout"/>
/// without a request from its session; expiry is checked at every request. Thread-safe.
/// </summary>
internal sealed class SpsEngine : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SpsSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ConfigStore _store;
    private readonly SpsSessions _sessions;
    private readonly byte[] _user;
    private readonly byte[] _password;
    private SpsTransaction? _open;
    private string? _lastCommitMessage;

    public SpsEngine(SpsSimulatorOptions options, string password)
    {
        _options = options;
        _time = options.TimeProvider;
        _store = new ConfigStore(options.DatabasePath, _time);
        _sessions = new SpsSessions(_time, options.SessionIdleTimeout);
        _user = Encoding.UTF8.GetBytes(options.User);
        _password = Encoding.UTF8.GetBytes(password);
    }

    /// <summary>Basic credentials to a new session id, or null (<c>AuthenticationFailure</c>): the simulator's REST
    /// user, or a committed local user with its password.</summary>
    public string? LogOn(string user, string password)
    {
        lock (_gate)
        {
            Expire();
            var admin = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user), _user)
                & CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), _password);
            if (!admin && !IsLocalUser(user, password))
            {
                return null;
            }

            return _sessions.Issue(user);
        }
    }

    public bool IsRestUser(string user, string password) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user), _user)
        & CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), _password);

    /// <summary>Whether <paramref name="session"/> is live; renews it (and its transaction's activity).</summary>
    public bool Touch(string session)
    {
        lock (_gate)
        {
            Expire();
            if (_sessions.Touch(session) is null)
            {
                return false;
            }

            if (_open?.Session == session)
            {
                _open.LastActivity = _time.GetUtcNow();
            }

            return true;
        }
    }

    /// <summary>Answers one authenticated API request.</summary>
    public ApiResult Handle(string method, string path, JsonNode? body, bool hasBody, string session)
    {
        lock (_gate)
        {
            Expire();
            return Route(method, path.Length > 1 ? path.TrimEnd('/') : path, body, hasBody, session);
        }
    }

    /// <summary>Whether any transaction is open (for <c>/_sim/transaction</c>), and the seconds it has left.</summary>
    public JsonObject TransactionSummary()
    {
        lock (_gate)
        {
            Expire();
            return new JsonObject { ["open"] = _open is not null, ["remaining_seconds"] = _open is null ? null : Remaining(_open) };
        }
    }

    /// <summary>Replaces the usergroup ACLs, as a change on the web interface would.</summary>
    public void ReplaceAcls(JsonArray acls)
    {
        lock (_gate)
        {
            _store.ReplaceAcls(acls);
        }
    }

    /// <summary>Back to a new appliance: defaults, no sessions, no transaction. Quick and synchronous, so the
    /// caller's cancellation is not needed.</summary>
    public Task ResetAsync()
    {
        lock (_gate)
        {
            _open = null;
            _lastCommitMessage = null;
            _sessions.Clear();
            _store.Reset(_time);
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _store.Dispose();

    private ApiResult Route(string method, string path, JsonNode? body, bool hasBody, string session)
    {
        const string users = Documents.LocalDatabase + "/users";
        const string groups = Documents.LocalDatabase + "/groups";
        var view = ViewOf(session);
        switch (path)
        {
            case "/api/authentication":
                return method == "DELETE" ? LogOff(session, path) : SpsErrors.MethodNotAllowed(method, path);
            case Documents.Transaction:
                return Transaction(method, path, body, hasBody, session);
            case Documents.Transaction + "/changes":
                return method != "GET" ? SpsErrors.MethodNotAllowed(method, path)
                    : ApiResult.Ok(new JsonObject
                    {
                        ["changes"] = _open?.Session == session ? _open.Changes.DeepClone() : new JsonArray(),
                        ["meta"] = new JsonObject { ["href"] = path, ["parent"] = Documents.Transaction },
                    });
            case "/api/configuration/aaa/acls":
                return method != "GET" ? SpsErrors.MethodNotAllowed(method, path)
                    : ApiResult.Ok(new JsonObject { ["body"] = _store.Acls.DeepClone(), ["key"] = "acls", ["meta"] = SeedDocuments.AclsMeta() });
            case Documents.LocalDatabase:
                return method != "GET" ? SpsErrors.MethodNotAllowed(method, path) : ApiResult.Ok(SeedDocuments.LocalDatabase());
            case users or groups:
                var collection = path == users ? ConfigStore.Users : ConfigStore.Groups;
                return method switch
                {
                    "GET" => ApiResult.Ok(Documents.Collection(collection, view.List(collection))),
                    "POST" => Write(session, path, tx => Create(tx, collection, path, body)),
                    _ => SpsErrors.MethodNotAllowed(method, path),
                };
            case Documents.Passwords:
                return method == "POST" ? Write(session, path, tx => CreatePassword(tx, path, body)) : SpsErrors.MethodNotAllowed(method, path);
        }

        if (path.StartsWith(Documents.Passwords + "/", StringComparison.Ordinal))
        {
            var key = path[(Documents.Passwords.Length + 1)..];
            return method != "GET" ? SpsErrors.MethodNotAllowed(method, path)
                : view.PasswordExists(key) ? ApiResult.Ok(new JsonObject { ["key"] = key, ["meta"] = new JsonObject { ["href"] = path, ["parent"] = Documents.Passwords } })
                : SpsErrors.NotFound(path);
        }

        foreach (var (prefix, collection) in new[] { (users + "/", ConfigStore.Users), (groups + "/", ConfigStore.Groups) })
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.Length == prefix.Length || path[prefix.Length..].Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var key = path[prefix.Length..];
            if (view.Find(collection, key) is not { } found)
            {
                return SpsErrors.NotFound(path);
            }

            return method switch
            {
                "GET" => ApiResult.Ok(Documents.Object(found, view.List(collection))),
                "PUT" => Write(session, path, tx => Replace(tx, found, path, body)),
                "DELETE" => Write(session, path, tx => Delete(tx, found, path)),
                _ => SpsErrors.MethodNotAllowed(method, path),
            };
        }

        return SpsErrors.NotFound(path);
    }

    private ApiResult Transaction(string method, string path, JsonNode? body, bool hasBody, string session)
    {
        var mine = _open?.Session == session;
        switch (method)
        {
            case "GET":
                return ApiResult.Ok(Documents.TransactionStatus(mine, mine ? Remaining(_open!) : 0, _lastCommitMessage));
            case "POST":
                if (!hasBody)
                {
                    return SpsErrors.Error(411, "LengthRequired", "Send a body (for example {}) with Content-Length to open a transaction.", path);
                }

                if (_open is not null && !mine)
                {
                    return Locked(path);
                }

                _open ??= new SpsTransaction(session, _time.GetUtcNow(), _store.NextSeq);
                return ApiResult.Ok(Documents.TransactionStatus(true, Remaining(_open), _lastCommitMessage));
            case "PUT":
                if (!mine)
                {
                    return SpsErrors.NoTransaction(path);
                }

                if (body is not JsonObject request || request["status"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
                    || request["status"]!.GetValue<string>() != "commit")
                {
                    return SpsErrors.Syntax(path, "PUT {\"status\": \"commit\"} to commit the open transaction.");
                }

                _store.Commit(_open!.Objects, _open.Passwords);
                _lastCommitMessage = request["message"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : null;
                _open = null;
                return ApiResult.Ok(Documents.TransactionStatus(false, 0, _lastCommitMessage));
            case "DELETE":
                if (!mine)
                {
                    return SpsErrors.NoTransaction(path);
                }

                _open = null;
                return ApiResult.Ok(Documents.TransactionStatus(false, 0, _lastCommitMessage));
            default:
                return SpsErrors.MethodNotAllowed(method, path);
        }
    }

    /// <summary>A configuration change: only inside the session's own open transaction (or one opened now, 6.9+).</summary>
    private ApiResult Write(string session, string path, Func<SpsTransaction, ApiResult> change)
    {
        if (_open is not null && _open.Session != session)
        {
            return Locked(path);
        }

        if (_open is null)
        {
            if (!_options.AutoOpenTransaction)
            {
                return SpsErrors.NoTransaction(path);
            }

            _open = new SpsTransaction(session, _time.GetUtcNow(), _store.NextSeq);
        }

        return change(_open);
    }

    private ApiResult Create(SpsTransaction tx, string collection, string path, JsonNode? body)
    {
        var key = Keys.New();
        var view = new ConfigView(_store, tx);
        var checkedBody = Check(view, collection, key, null, path, body, out var error);
        if (checkedBody is null)
        {
            return error!;
        }

        var created = new ConfigObject(collection, key, tx.NextSeq++, checkedBody);
        Stage(tx, created, "create", null);
        return new ApiResult(201, Documents.Written(Documents.Href(collection, key), key));
    }

    private ApiResult Replace(SpsTransaction tx, ConfigObject existing, string path, JsonNode? body)
    {
        var view = new ConfigView(_store, tx);
        var checkedBody = Check(view, existing.Collection, existing.Key, existing, path, body, out var error);
        if (checkedBody is null)
        {
            return error!;
        }

        Stage(tx, existing with { Body = checkedBody }, "replace", existing);
        return ApiResult.Ok(Documents.Written(path, existing.Key));
    }

    private ApiResult Delete(SpsTransaction tx, ConfigObject existing, string path)
    {
        var view = new ConfigView(_store, tx);
        if (existing.Collection == ConfigStore.Users)
        {
            if (IsAdmin(existing))
            {
                return SpsErrors.Semantic(path, "The admin user is available by default and has all possible privileges. It is not possible to delete this user.");
            }

            if (view.List(ConfigStore.Groups).FirstOrDefault(g => Members(g.Body).Contains(existing.Key)) is { } group)
            {
                return SpsErrors.Semantic(path, $"The user is a member of the usergroup '{group.Body["name"]}'; remove it from the group first.");
            }
        }

        tx.Objects[(existing.Collection, existing.Key)] = null;
        tx.Changes.Add(Change("delete", path, Documents.Body(existing), null));
        return ApiResult.Ok(Documents.Deleted(path));
    }

    private ApiResult CreatePassword(SpsTransaction tx, string path, JsonNode? body)
    {
        if (body is not JsonObject o || o.Count != 1 || o["plain"] is not JsonValue plain || plain.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return SpsErrors.Syntax(path, "POST {\"plain\": \"PASSWORD\"} to create a password object.");
        }

        var key = Keys.NewPassword();
        tx.Passwords[key] = SecretHash.Hash(plain.GetValue<string>());
        var href = $"{Documents.Passwords}/{key}";
        tx.Changes.Add(Change("create", href, null, new JsonObject { ["key"] = key }));
        return new ApiResult(201, Documents.Written(href, key));
    }

    /// <summary>The stored body of a whole user or group object, or null with the 400 to answer.</summary>
    private JsonObject? Check(ConfigView view, string collection, string key, ConfigObject? existing, string path, JsonNode? body, out ApiResult? error)
    {
        error = null;
        var allowed = collection == ConfigStore.Users ? new[] { "name", "password", "password_created" } : ["name", "members"];
        if (body is not JsonObject o)
        {
            error = SpsErrors.Syntax(path, "The body must be a JSON object.");
            return null;
        }

        if (o.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is { } unknown)
        {
            error = SpsErrors.Syntax(path, $"Unknown member '{unknown}'.");
            return null;
        }

        if (o["name"] is not JsonValue n || n.GetValueKind() != System.Text.Json.JsonValueKind.String || n.GetValue<string>() is not { Length: > 0 and <= 128 } name
            || name.Any(char.IsControl))
        {
            error = SpsErrors.Syntax(path, "name must be a non-empty string of at most 128 characters.");
            return null;
        }

        if (view.List(collection).Any(x => x.Key != key && string.Equals(x.Body["name"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase)))
        {
            error = SpsErrors.Semantic(path, $"An object named '{name}' already exists.");
            return null;
        }

        if (existing is not null && IsAdmin(existing) && name != "admin")
        {
            error = SpsErrors.Semantic(path, "The admin user cannot be renamed.");
            return null;
        }

        return collection == ConfigStore.Users ? CheckUser(view, key, existing, path, o, name, out error) : CheckGroup(view, path, o, name, out error);
    }

    private JsonObject? CheckUser(ConfigView view, string key, ConfigObject? existing, string path, JsonObject o, string name, out ApiResult? error)
    {
        error = null;
        var password = o["password"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            JsonObject r when r["key"] is JsonValue k && k.GetValueKind() == System.Text.Json.JsonValueKind.String => k.GetValue<string>(),
            _ => "",
        };
        if (password is "")
        {
            error = SpsErrors.Syntax(path, "password must be the key of a password object (or a reference object with that key).");
            return null;
        }

        if (password is not null && !view.PasswordExists(password))
        {
            error = SpsErrors.Semantic(path, $"No password object with key '{password}' exists.");
            return null;
        }

        if (password is not null && view.List(ConfigStore.Users).Any(u => u.Key != key && u.Body["password"]?.GetValue<string>() == password))
        {
            error = SpsErrors.Semantic(path, "You tried to reuse a password object. You can use a password object for only one purpose, that is, you cannot reference a password object twice.");
            return null;
        }

        var old = existing?.Body["password"]?.GetValue<string>();
        var created = password is null ? (JsonNode?)null
            : password == old ? existing!.Body["password_created"]?.DeepClone()
            : _time.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject { ["name"] = name, ["password"] = password, ["password_created"] = created };
    }

    private static JsonObject? CheckGroup(ConfigView view, string path, JsonObject o, string name, out ApiResult? error)
    {
        error = null;
        if (o["members"] is not JsonArray members || members.Any(m => m is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            error = SpsErrors.Syntax(path, "members must be a list of user keys.");
            return null;
        }

        var keys = members.Select(m => m!.GetValue<string>()).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            error = SpsErrors.Semantic(path, "A user is listed twice in members.");
            return null;
        }

        if (keys.FirstOrDefault(k => view.Find(ConfigStore.Users, k) is null) is { } missing)
        {
            error = SpsErrors.Semantic(path, $"members: no user with key '{missing}' exists (refer to users by their key, not their name).");
            return null;
        }

        return new JsonObject { ["members"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]), ["name"] = name };
    }

    private static void Stage(SpsTransaction tx, ConfigObject value, string type, ConfigObject? old)
    {
        tx.Objects[(value.Collection, value.Key)] = value;
        tx.Changes.Add(Change(type, Documents.Href(value.Collection, value.Key), old is null ? null : Documents.Body(old), Documents.Body(value)));
    }

    private static JsonObject Change(string type, string path, JsonNode? oldValue, JsonNode? newValue) => new()
    {
        ["new_value"] = newValue,
        ["old_value"] = oldValue,
        ["path"] = path,
        ["type"] = type,
    };

    private ApiResult LogOff(string session, string path)
    {
        if (_open?.Session == session)
        {
            _open = null;
        }

        _sessions.End(session);
        return ApiResult.Ok(new JsonObject { ["meta"] = new JsonObject { ["href"] = path, ["parent"] = "/api" } });
    }

    private ApiResult Locked(string path) => SpsErrors.Error(409, "ConfigurationLocked",
        "The configuration is locked by another session's open transaction; wait until it is committed, rolled back or expires.",
        path, new JsonObject { ["remaining_seconds"] = Remaining(_open!) });

    private ConfigView ViewOf(string session) => new(_store, _open?.Session == session ? _open : null);

    private long Remaining(SpsTransaction tx) =>
        Math.Max(0, (long)Math.Ceiling((_options.TransactionTimeout - (_time.GetUtcNow() - tx.LastActivity)).TotalSeconds));

    /// <summary>Rolls back an open transaction idle for too long, and ends its session.</summary>
    private void Expire()
    {
        if (_open is not null && _time.GetUtcNow() - _open.LastActivity >= _options.TransactionTimeout)
        {
            _sessions.End(_open.Session);
            _open = null;
        }
    }

    private bool IsLocalUser(string user, string password) =>
        _store.Objects.Values.FirstOrDefault(o => o.Collection == ConfigStore.Users && o.Body["name"]?.GetValue<string>() == user) is { } found
        && found.Body["password"]?.GetValue<string>() is { } key
        && _store.PasswordHashes.TryGetValue(key, out var hash) && SecretHash.Verify(password, hash);

    private static bool IsAdmin(ConfigObject user) => user.Collection == ConfigStore.Users && user.Body["name"]?.GetValue<string>() == "admin";

    private static IEnumerable<string> Members(JsonObject group) =>
        (group["members"] as JsonArray ?? []).Select(m => m!.GetValue<string>());
}
