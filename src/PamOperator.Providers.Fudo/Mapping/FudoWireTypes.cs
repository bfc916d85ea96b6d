namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>
/// Where each Fudo object type is listed (paths under <c>/api/v2/</c>, from seeds 000/001 and the reference note),
/// and the expensive or extra attributes to ask for with <c>fields=</c>.
/// </summary>
internal static class FudoWireTypes
{
    public const string Safe = "safe";
    public const string Account = "account";
    public const string UserSafe = "user_safe";
    public const string UserSafeTimePolicy = "user_safe_time_policy";
    public const string AccountSafeListener = "account_safe_listener";
    public const string SafeGrant = "safe_grant";
    public const string AccountGrant = "account_grant";

    private static readonly Dictionary<string, (string Path, string[] Extra)> Table = new(StringComparer.Ordinal)
    {
        [Safe] = ("safe", ["id", "name", "builtin", "hidden"]),
        [Account] = ("account", ["id", "name", "builtin", "hidden", "password_lastupdate"]),
        [UserSafe] = ("user/safe", ["id", "builtin", "hidden"]),
        [UserSafeTimePolicy] = ("user/safe/time_policy", ["id", "user_id", "safe_id", "day_of_week", "valid_from", "valid_to"]),
        [AccountSafeListener] = ("account/safe/listener", ["id", "builtin", "hidden"]),
        [SafeGrant] = ("grant/safe", ["id"]),
        [AccountGrant] = ("grant/account", ["id"]),
        ["user"] = ("user", ["id", "name"]),
        ["server"] = ("server", ["id", "name"]),
        ["pool"] = ("pool", ["id", "name"]),
        ["listener"] = ("listener", ["id", "name"]),
        ["password_change_policy"] = ("password_change_policy", ["id", "name"]),
    };

    public static bool IsKnown(string wireType) => Table.ContainsKey(wireType);

    /// <summary>The list path, e.g. <c>user/safe</c>.</summary>
    public static string ListPath(string wireType) =>
        Table.TryGetValue(wireType, out var entry) ? entry.Path : throw new ArgumentException($"unknown Fudo type '{wireType}'", nameof(wireType));

    /// <summary>Attributes requested beside the kind's own fields (identity, builtin/hidden, rotation input).</summary>
    public static IReadOnlyList<string> ExtraFields(string wireType) => Table[wireType].Extra;
}
