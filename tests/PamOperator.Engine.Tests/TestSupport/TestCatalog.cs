using PamOperator.Core.Schema;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>
/// A small hand-built catalog that mimics Fudo's (the real one lives in PamOperator.Manifests): a named Safe with
/// bool/int/enum/string fields and a nested <c>ssh</c> object, a named Account with an immutable <c>type</c>, a
/// reference to the live-only type <c>server</c>, a reference to another account and a secret, and two unnamed
/// assignments.
/// </summary>
internal static class TestCatalog
{
    public static KindDescriptor Safe { get; } = Kind("Safe", "safes", "safe", [],
    [
        Field("blocked", FieldType.Boolean, false),
        Field("requiredVotes", FieldType.Integer, 0L),
        Field("confirmationTimeout", FieldType.Integer, 5L),
        Field("noteAccess", FieldType.Enum, "none") with { Enum = ["none", "read", "write"] },
        Field("description", FieldType.String),
        Field("ssh", FieldType.Object) with { Fields = [Field("x11", FieldType.Boolean, true), Field("shell", FieldType.Boolean, true)] },
    ]);

    public static KindDescriptor Account { get; } = Kind("Account", "accounts", "account", [],
    [
        Field("type", FieldType.Enum, "regular") with { Enum = ["regular", "forward", "anonymous"], Immutable = true },
        Field("category", FieldType.Enum, "privileged") with { Enum = ["privileged", "nonprivileged"] },
        Field("server", FieldType.Reference) with { References = "server" },
        Field("passwordChanger", FieldType.Reference) with { References = "account" },
        Field("login", FieldType.String),
        Field("secret", FieldType.Secret),
    ]);

    public static KindDescriptor UserSafeAssignment { get; } = Kind("UserSafeAssignment", "usersafeassignments", "user_safe", ["user", "safe"],
    [
        Field("user", FieldType.Reference) with { References = "user", Immutable = true },
        Field("safe", FieldType.Reference) with { References = "safe", Immutable = true },
        Field("passwordVisible", FieldType.Boolean, false),
        Field("timePolicy", FieldType.ObjectList) with
        {
            Fields = [Field("dayOfWeek", FieldType.Integer), Field("validFrom", FieldType.Time), Field("validTo", FieldType.Time)],
        },
    ]);

    public static KindDescriptor AccountSafeListenerAssignment { get; } = Kind(
        "AccountSafeListenerAssignment", "accountsafelistenerassignments", "account_safe_listener", ["account", "safe", "listener"],
    [
        Field("account", FieldType.Reference) with { References = "account", Immutable = true },
        Field("safe", FieldType.Reference) with { References = "safe", Immutable = true },
        Field("listener", FieldType.Reference) with { References = "listener", Immutable = true },
    ]);

    public static IReadOnlyList<KindDescriptor> All { get; } = [Safe, Account, UserSafeAssignment, AccountSafeListenerAssignment];

    /// <summary>The API group of these kinds.</summary>
    public const string Group = "fudo.pamoperator.io";

    /// <summary>Vendor-qualified types of this catalog's vendor, by wire name.</summary>
    public static ObjectType[] Types(params string[] wireTypes) => [.. wireTypes.Select(w => new ObjectType(Group, w))];

    private static KindDescriptor Kind(string kind, string plural, string wireType, IReadOnlyList<string> keyFields, IReadOnlyList<FieldDescriptor> fields) => new()
    {
        Group = Group,
        Kind = kind,
        Plural = plural,
        Vendor = "fudo",
        WireType = wireType,
        KeyFields = keyFields,
        Fields = fields,
    };

    private static FieldDescriptor Field(string name, FieldType type, object? @default = null) =>
        new() { Name = name, Type = type, Default = @default };
}
