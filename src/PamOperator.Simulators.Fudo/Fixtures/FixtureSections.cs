using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Fixtures;

/// <summary>Fixture section names and the order they load in (referenced types first).</summary>
internal static class FixtureSections
{
    public static readonly IReadOnlyList<(string Section, string Type)> InLoadOrder =
    [
        ("password_change_policies", WireTypes.PasswordChangePolicy),
        ("users", WireTypes.User),
        ("servers", WireTypes.Server),
        ("pools", WireTypes.Pool),
        ("pool_servers", WireTypes.PoolServer),
        ("listeners", WireTypes.Listener),
        ("safes", WireTypes.Safe),
        ("accounts", WireTypes.Account),
        ("user_safes", WireTypes.UserSafe),
        ("user_safe_time_policies", WireTypes.UserSafeTimePolicy),
        ("account_safe_listeners", WireTypes.AccountSafeListener),
        ("safe_grants", WireTypes.SafeGrant),
        ("account_grants", WireTypes.AccountGrant),
    ];
}
