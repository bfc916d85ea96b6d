using PamOperator.Core.Schema;

namespace PamOperator.Vendors.Acme.Client;

/// <summary>Acme's kinds: a <c>Safe</c> and an <c>Account</c> named like Fudo's (so identities must be vendor-qualified),
/// an observe-only <c>AuditPolicy</c> and a lifecycle <c>AccessRequest</c>.</summary>
public static class AcmeKinds
{
    public const string Group = "acme.pamoperator.io";
    public const string Vendor = "acme";

    public static KindDescriptor Safe { get; } = Kind("Safe", "safes", "safe",
    [
        Field.Text("description", "description", "What the safe holds."),
        Field.Int("retentionDays", "retention_days", 30, "How long recordings are kept.", 1, 3650),
        Field.Text("region", "region", "Where the safe lives; fixed at creation.") with { Immutable = true },
    ]);

    public static KindDescriptor Account { get; } = Kind("Account", "accounts", "account",
    [
        Field.Reference("safe", "safe", "safe", "The safe holding the account.") with { Required = true },
        Field.Text("login", "login", "The login name.") with { Required = true },
        Field.Secret("password", "password", "The password, by reference."),
    ]);

    public static KindDescriptor AuditPolicy { get; } = Kind("AuditPolicy", "auditpolicies", "audit_policy",
    [
        Field.Int("retentionDays", "retention_days", null, "Days the PAM keeps audit records (set by the appliance)."),
    ]) with { Capability = KindCapability.ObserveOnly };

    public static KindDescriptor AccessRequest { get; } = Kind("AccessRequest", "accessrequests", "access_request",
    [
        Field.Reference("account", "account", "account", "The account asked for.") with { Required = true },
        Field.Text("reason", "reason", "Why access is needed.") with { Required = true },
    ]) with { Capability = KindCapability.Lifecycle };

    /// <summary>Selects connections (which the PAM makes by itself) and declares the tags each must carry.</summary>
    public static KindDescriptor ConnectionTags { get; } = Kind("ConnectionTags", "connectiontags", "connection_tags",
    [
        Field.Object("selector", "Which connections: every member given must equal the connection's.",
            Field.Text("environment", null, "The connection's environment, e.g. prod."),
            Field.Text("host", null, "The connection's host.")),
        new FieldDescriptor { Name = "tags", Type = FieldType.StringList, Required = true, MaxItems = 32, Description = "Tags every selected connection must carry." },
    ]) with { Capability = KindCapability.Selector, Selection = new Selection("connection", "selector", "tags") };

    public static IReadOnlyList<KindDescriptor> All { get; } = [Safe, Account, AuditPolicy, AccessRequest, ConnectionTags];

    private static KindDescriptor Kind(string kind, string plural, string wire, IReadOnlyList<FieldDescriptor> fields) => new()
    {
        Group = Group,
        Kind = kind,
        Plural = plural,
        ShortNames = ["acme" + kind.ToLowerInvariant()],
        Vendor = Vendor,
        WireType = wire,
        Fields = fields,
        Description = $"An Acme PAM {kind} (test vendor).",
    };
}
