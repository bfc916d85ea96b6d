using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Tests.Support;

/// <summary>Hand-built descriptors shaped like the Fudo catalog's, so mapping tests do not depend on it.</summary>
internal static class TestKinds
{
    public static KindDescriptor Safe { get; } = new()
    {
        Group = "fudo.pamoperator.io", Kind = "Safe", Plural = "safes", Vendor = "fudo", WireType = "safe",
        Fields =
        [
            new() { Name = "requiredVotes", WireName = "required_votes", Type = FieldType.Integer, Default = 0L },
            new() { Name = "blocked", WireName = "blocked", Type = FieldType.Boolean, Default = false },
            new() { Name = "noteAccess", WireName = "note_access", Type = FieldType.Enum, Enum = ["none", "read", "write"] },
            new()
            {
                Name = "ssh", Type = FieldType.Object,
                Fields =
                [
                    new() { Name = "x11", WireName = "ssh_x11", Type = FieldType.Boolean, Default = true },
                    new() { Name = "portForwarding", WireName = "ssh_port_forwarding", Type = FieldType.Boolean, Default = true },
                ],
            },
        ],
    };

    public static KindDescriptor Account { get; } = new()
    {
        Group = "fudo.pamoperator.io", Kind = "Account", Plural = "accounts", Vendor = "fudo", WireType = "account",
        Fields =
        [
            new() { Name = "type", WireName = "type", Type = FieldType.Enum, Immutable = true, Enum = ["regular", "forward", "anonymous"] },
            new() { Name = "server", WireName = "server_id", Type = FieldType.Reference, References = "server" },
            new() { Name = "secret", WireName = "secret", Type = FieldType.Secret },
        ],
    };

    public static KindDescriptor UserSafe { get; } = new()
    {
        Group = "fudo.pamoperator.io", Kind = "UserSafeAssignment", Plural = "usersafeassignments", Vendor = "fudo",
        WireType = "user_safe", KeyFields = ["user", "safe"],
        Fields =
        [
            new() { Name = "user", WireName = "user_id", Type = FieldType.Reference, References = "user", Immutable = true },
            new() { Name = "safe", WireName = "safe_id", Type = FieldType.Reference, References = "safe", Immutable = true },
            new() { Name = "passwordVisible", WireName = "password_visible", Type = FieldType.Boolean, Default = false },
            new() { Name = "timePolicy", Type = FieldType.ObjectList },
        ],
    };

    public static IReadOnlyList<KindDescriptor> All { get; } = [Safe, Account, UserSafe];
}
