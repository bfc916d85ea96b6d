using System.Text.Json.Nodes;
using PamOperator.Simulators.Common.Secrets;

namespace PamOperator.Simulators.CyberArk.Vault;

/// <summary>
/// The simulated vault: users and groups, safes, safe members, accounts and access requests, held in memory and
/// written through to <see cref="VaultStorage"/> after every change. Every public member takes one lock, so the vault
/// is thread-safe and each operation is atomic (an operation that fails changes nothing).
/// </summary>
internal sealed partial class VaultState : IDisposable
{
    public const string UserKind = "user";
    public const string SafeKind = "safe";
    public const string MemberKind = "member";
    public const string AccountKind = "account";
    public const string RequestKind = "request";

    private static readonly string[] Kinds = [UserKind, SafeKind, MemberKind, AccountKind, RequestKind];

    /// <summary>Platforms the vault knows (an account's <c>platformId</c> must be one of them).</summary>
    public static IReadOnlyList<string> Platforms { get; } =
        ["UnixSSH", "UnixSSHKeys", "WinDomain", "WinServerLocal", "WinDesktopLocal", "Oracle", "MySQL", "PostgreSQL", "MSSql"];

    private readonly Lock _gate = new();
    private readonly VaultStorage _storage;
    private readonly CyberArkSimulatorOptions _options;
    private readonly Dictionary<string, Dictionary<string, (long Seq, JsonObject Body)>> _docs = [];
    private long _seq;

    public VaultState(CyberArkSimulatorOptions options, string administratorPassword)
    {
        _options = options;
        _storage = new VaultStorage(options.DatabasePath);
        foreach (var kind in Kinds)
        {
            _docs[kind] = new Dictionary<string, (long, JsonObject)>(StringComparer.OrdinalIgnoreCase);
        }

        lock (_gate)
        {
            foreach (var (kind, id, seq, body) in _storage.LoadAll())
            {
                if (_docs.TryGetValue(kind, out var docs))
                {
                    docs[id] = (seq, body);
                    _seq = Math.Max(_seq, seq);
                }
            }

            SeedDirectory(administratorPassword);
        }
    }

    public CyberArkSimulatorOptions Options => _options;

    /// <summary>The vault's time: the configured clock plus the offset <c>/_sim/clock</c> added.</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _options.TimeProvider.GetUtcNow().AddSeconds(_storage.Meta("clockOffsetSeconds", 0));
            }
        }
    }

    /// <summary>Moves the vault's clock forward (the tests' way to let requests expire).</summary>
    public long AdvanceClock(long seconds)
    {
        lock (_gate)
        {
            var offset = _storage.Meta("clockOffsetSeconds", 0) + seconds;
            _storage.SetMeta("clockOffsetSeconds", offset);
            return offset;
        }
    }

    /// <summary>True when <paramref name="user"/> exists, may log on, and <paramref name="password"/> is theirs.</summary>
    public bool CheckPassword(string user, string password)
    {
        lock (_gate)
        {
            return Find(UserKind, user) is { } u && u["_password"]?.GetValue<string>() is { } hash && SecretHash.Verify(password, hash);
        }
    }

    /// <summary>Adds a user (or sets an existing user's password): the tests' confirmers.</summary>
    public JsonObject SetUser(string name, string? password, bool isGroup)
    {
        lock (_gate)
        {
            var user = Find(UserKind, name)?.DeepClone().AsObject()
                ?? new JsonObject { ["id"] = Next("userId", 10), ["name"] = name, ["type"] = isGroup ? "Group" : "User" };
            if (password is not null && !isGroup)
            {
                user["_password"] = SecretHash.Hash(password);
            }

            Put(UserKind, name, user);
            return Body.Public(user);
        }
    }

    /// <summary>Deletes every object and counter, then seeds the directory again (<c>/_sim/reset</c>).</summary>
    public void Reset(string administratorPassword)
    {
        lock (_gate)
        {
            _storage.Clear();
            foreach (var docs in _docs.Values)
            {
                docs.Clear();
            }

            _seq = 0;
            SeedDirectory(administratorPassword);
        }
    }

    public void Dispose() => _storage.Dispose();

    /// <summary>The administrator (always with the configured password), two users without a password and two groups.</summary>
    private void SeedDirectory(string administratorPassword)
    {
        var admin = Find(UserKind, _options.UserName)?.DeepClone().AsObject()
            ?? new JsonObject { ["id"] = Next("userId", 10), ["name"] = _options.UserName, ["type"] = "User" };
        admin["_vaultAdmin"] = true;
        admin["_password"] = SecretHash.Hash(administratorPassword);
        Put(UserKind, _options.UserName, admin);
        foreach (var (name, type) in new[] { ("alice", "User"), ("bob", "User"), ("Vault Admins", "Group"), ("Auditors", "Group") })
        {
            if (Find(UserKind, name) is null)
            {
                Put(UserKind, name, new JsonObject { ["id"] = Next("userId", 10), ["name"] = name, ["type"] = type });
            }
        }
    }

    /// <summary>True for the administrator: only a Vault Admin writes safes, members and accounts here.</summary>
    public bool IsVaultAdmin(string user)
    {
        lock (_gate)
        {
            return Find(UserKind, user)?["_vaultAdmin"]?.GetValue<bool>() == true;
        }
    }

    /// <summary>The directory's spelling of a user name given in any case.</summary>
    public string CanonicalUser(string user)
    {
        lock (_gate)
        {
            return Find(UserKind, user)?["name"]?.GetValue<string>() ?? user;
        }
    }

    private JsonObject? Find(string kind, string id) => _docs[kind].TryGetValue(id, out var doc) ? doc.Body : null;

    private IEnumerable<JsonObject> All(string kind) => _docs[kind].Values.OrderBy(d => d.Seq).Select(d => d.Body);

    private void Put(string kind, string id, JsonObject body)
    {
        var seq = _docs[kind].TryGetValue(id, out var existing) ? existing.Seq : ++_seq;
        _docs[kind][id] = (seq, body);
        _storage.Put(kind, id, seq, body);
    }

    private void Remove(string kind, string id)
    {
        _docs[kind].Remove(id);
        _storage.Delete(kind, id);
    }

    /// <summary>The next value of a persisted counter starting at <paramref name="first"/>.</summary>
    private long Next(string counter, long first)
    {
        var value = _storage.Meta(counter, first - 1) + 1;
        _storage.SetMeta(counter, value);
        return value;
    }

    private long NowUnlocked() => _options.TimeProvider.GetUtcNow().AddSeconds(_storage.Meta("clockOffsetSeconds", 0)).ToUnixTimeSeconds();
}
