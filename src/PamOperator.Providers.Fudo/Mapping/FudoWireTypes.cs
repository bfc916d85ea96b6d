namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>
/// Where each Fudo object type is listed (paths under <c>/api/v2/</c>, from seeds 000/001, the reference note and
/// docs/simulator.md),
/// and the expensive or extra attributes to ask for with <c>fields=</c>.
/// </summary>
internal static class FudoWireTypes
{
    public const string Safe = "safe";
    public const string Account = "account";
    public const string User = "user";
    public const string Server = "server";
    public const string Pool = "pool";
    public const string Listener = "listener";
    public const string PoolServer = "pool_server";
    public const string UserAuthenticationMethod = "user_authentication_method";
    public const string UserSafe = "user_safe";
    public const string UserSafeTimePolicy = "user_safe_time_policy";
    public const string AccountSafeListener = "account_safe_listener";
    public const string SafeGrant = "safe_grant";
    public const string AccountGrant = "account_grant";

    private static readonly string[] Named = ["id", "name", "builtin", "hidden"];

    private static readonly Dictionary<string, (string Path, string[] Extra)> Table = new(StringComparer.Ordinal)
    {
        [Safe] = ("safe", Named),
        [Account] = ("account", ["id", "name", "builtin", "hidden", "password_lastupdate"]),
        [User] = ("user", Named),
        [Server] = ("server", Named),
        [Pool] = ("pool", Named),
        [Listener] = ("listener", Named),
        [PoolServer] = ("pool/server", ["id", "pool_id", "server_id"]),
        [UserAuthenticationMethod] = ("user/authentication", ["id", "user_id", "type", "position", "needs_change", "certificate_subject"]),
        [UserSafe] = ("user/safe", ["id", "builtin", "hidden"]),
        [UserSafeTimePolicy] = ("user/safe/time_policy", ["id", "user_id", "safe_id", "day_of_week", "valid_from", "valid_to"]),
        [AccountSafeListener] = ("account/safe/listener", ["id", "builtin", "hidden"]),
        [SafeGrant] = ("grant/safe", ["id"]),
        [AccountGrant] = ("grant/account", ["id"]),
        ["user_grant"] = ("grant/user", ["id"]),
        ["server_grant"] = ("grant/server", ["id"]),
        ["pool_grant"] = ("grant/pool", ["id"]),
        ["listener_grant"] = ("grant/listener", ["id"]),
        ["password_change_policy"] = ("password_change_policy", ["id", "name"]),
    };

    /// <summary>Row types that are folded into the spec of another kind's object (a user-safe pair's time policy, a
    /// pool's servers, a user's authentication methods), listed whenever that kind is.</summary>
    public static IReadOnlyDictionary<string, string> FoldedInto { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [UserSafeTimePolicy] = UserSafe,
        [PoolServer] = Pool,
        [UserAuthenticationMethod] = User,
    };

    public static bool IsKnown(string wireType) => Table.ContainsKey(wireType);

    /// <summary>The list path, e.g. <c>user/safe</c>.</summary>
    public static string ListPath(string wireType) =>
        Table.TryGetValue(wireType, out var entry) ? entry.Path : throw new ArgumentException($"unknown Fudo type '{wireType}'", nameof(wireType));

    /// <summary>Attributes requested beside the kind's own fields (identity, builtin/hidden, rotation input).</summary>
    public static IReadOnlyList<string> ExtraFields(string wireType) => Table[wireType].Extra;
}
