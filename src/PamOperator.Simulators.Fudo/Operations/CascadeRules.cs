using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>
/// What deleting an object does to others. Assignment, time-policy and grant rows are sub-objects of what they join
/// (Fudo keeps them as such), so they are removed with it (cascade). An account's own server, pool or changer account
/// is an attribute, not a sub-object: deleting one that an account still uses is refused (409).
/// </summary>
internal static class CascadeRules
{
    /// <summary>Rows removed together with <paramref name="o"/>.</summary>
    public static IEnumerable<StoredObject> Dependents(IObjectLookup lookup, StoredObject o) => o.Type switch
    {
        WireTypes.Safe => Rows(lookup, o, (WireTypes.UserSafe, 1), (WireTypes.UserSafeTimePolicy, 1),
            (WireTypes.AccountSafeListener, 1), (WireTypes.SafeGrant, 1)),
        WireTypes.Account => Rows(lookup, o, (WireTypes.AccountSafeListener, 0), (WireTypes.AccountGrant, 1)),
        WireTypes.User => Rows(lookup, o, (WireTypes.UserSafe, 0), (WireTypes.UserSafeTimePolicy, 0),
            (WireTypes.UserAuthenticationMethod, 0), (WireTypes.SafeGrant, 0), (WireTypes.AccountGrant, 0),
            (WireTypes.UserGrant, 0), (WireTypes.UserGrant, 1), (WireTypes.ServerGrant, 0), (WireTypes.PoolGrant, 0),
            (WireTypes.ListenerGrant, 0)),
        WireTypes.UserSafe => lookup.ByKey(WireTypes.UserSafeTimePolicy, 0, o.Text("user_id") ?? "")
            .Where(p => p.Text("safe_id") == o.Text("safe_id")),
        WireTypes.Server => Rows(lookup, o, (WireTypes.PoolServer, 1), (WireTypes.ServerGrant, 1)),
        WireTypes.Pool => Rows(lookup, o, (WireTypes.PoolServer, 0), (WireTypes.PoolGrant, 1)),
        WireTypes.Listener => Rows(lookup, o, (WireTypes.AccountSafeListener, 2), (WireTypes.ListenerGrant, 1)),
        _ => [],
    };

    /// <summary>Accounts that still use <paramref name="o"/> as their server, pool or changer account.</summary>
    public static IEnumerable<StoredObject> Blockers(IObjectLookup lookup, StoredObject o) => o.Type switch
    {
        WireTypes.Server => lookup.ByAttribute(WireTypes.Account, "server_id", o.IdText),
        WireTypes.Pool => lookup.ByAttribute(WireTypes.Account, "pool_id", o.IdText),
        WireTypes.Account => lookup.ByAttribute(WireTypes.Account, "account_id", o.IdText),
        WireTypes.PasswordChangePolicy => lookup.ByAttribute(WireTypes.Account, "password_change_policy_id", o.IdText),
        _ => [],
    };

    private static IEnumerable<StoredObject> Rows(IObjectLookup lookup, StoredObject o, params (string Type, int Key)[] links) =>
        links.SelectMany(link => lookup.ByKey(link.Type, link.Key, o.IdText));
}
