using PamOperator.Core.Schema;
using PamOperator.Providers.Fudo.Tests.Support;

namespace PamOperator.Providers.Fudo.Tests.Write;

/// <summary>Descriptors for write tests, shaped like the Fudo catalog's (PamOperator.Manifests), with the fields the
/// simulator needs to create each object.</summary>
internal static class WriteKinds
{
    public static KindDescriptor Safe => TestKinds.Safe;

    public static KindDescriptor UserSafe => TestKinds.UserSafe;

    public static KindDescriptor Account { get; } = new()
    {
        Group = "fudo.pamoperator.io", Kind = "Account", Plural = "accounts", Vendor = "fudo", WireType = "account",
        Fields =
        [
            new() { Name = "type", WireName = "type", Type = FieldType.Enum, Immutable = true, Enum = ["regular", "forward", "anonymous"] },
            new() { Name = "description", WireName = "description", Type = FieldType.String },
            new() { Name = "server", WireName = "server_id", Type = FieldType.Reference, References = "server" },
            new() { Name = "method", WireName = "method", Type = FieldType.Enum, Enum = ["password", "sshkey"] },
            new() { Name = "login", WireName = "login", Type = FieldType.String },
            new() { Name = "secret", WireName = "secret", Type = FieldType.Secret },
        ],
    };

    public static KindDescriptor Listener { get; } = new()
    {
        Group = "fudo.pamoperator.io", Kind = "AccountSafeListenerAssignment", Plural = "accountsafelistenerassignments", Vendor = "fudo",
        WireType = "account_safe_listener", KeyFields = ["account", "safe", "listener"],
        Fields =
        [
            new() { Name = "account", WireName = "account_id", Type = FieldType.Reference, References = "account", Immutable = true },
            new() { Name = "safe", WireName = "safe_id", Type = FieldType.Reference, References = "safe", Immutable = true },
            new() { Name = "listener", WireName = "listener_id", Type = FieldType.Reference, References = "listener", Immutable = true },
        ],
    };

    public static IReadOnlyList<KindDescriptor> All { get; } = [Safe, UserSafe, Account, Listener];
}
