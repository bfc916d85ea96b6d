using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>
/// Fudo grants (the "Grant" group of API v2, <c>/grant/&lt;type&gt;</c>: GET, POST, DELETE): management privileges of a
/// user over one object. Every grant has the grantee <c>user</c> (<c>to_user_id</c>) and the object
/// (<c>for_&lt;type&gt;_id</c>); both are immutable, so a change replaces the grant.
/// </summary>
internal static class GrantKinds
{
    public static KindDescriptor Safe { get; } = Create("SafeGrant", "safe", "safe", "Lets an operator or admin user manage a safe.");

    public static KindDescriptor Account { get; } = Create("AccountGrant", "account", "account",
        "Lets an operator or admin user manage an account. Deprecated by Fudo since 5.5.") with
    {
        Deprecation = "deprecated by Fudo since 5.5; use SafeGrant/assignments",
    };

    public static KindDescriptor User { get; } = Create("UserGrant", "forUser", "user", "Lets an operator or admin user manage another user.");

    public static KindDescriptor Server { get; } = Create("ServerGrant", "server", "server", "Lets an operator or admin user manage a server.");

    public static KindDescriptor Pool { get; } = Create("PoolGrant", "pool", "pool", "Lets an operator or admin user manage a pool.");

    public static KindDescriptor Listener { get; } = Create("ListenerGrant", "listener", "listener", "Lets an operator or admin user manage a listener.");

    private static KindDescriptor Create(string kind, string targetField, string target, string description) => new()
    {
        Group = FudoGroup.Group,
        Kind = kind,
        Plural = kind.ToLowerInvariant() + "s",
        ShortNames = ["fudo" + kind.ToLowerInvariant()],
        Vendor = FudoGroup.Vendor,
        WireType = target + "_grant",
        KeyFields = ["user", targetField],
        Description = description,
        Fields =
        [
            Field.Reference("user", "to_user_id", "user", "The user who receives the privilege (by PAM name).") with { Required = true, Immutable = true },
            Field.Reference(targetField, $"for_{target}_id", target, $"The {target} (by PAM name).") with { Required = true, Immutable = true },
        ],
    };
}
