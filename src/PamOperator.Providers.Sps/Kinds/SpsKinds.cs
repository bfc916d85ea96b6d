using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;

namespace PamOperator.Providers.Sps.Kinds;

/// <summary>
/// The SPS kinds (seed 002): <c>LocalUser</c> and <c>LocalUserGroup</c> of the local user database, written inside one
/// server-side transaction, and <c>UsergroupAcl</c>, the privileges of a usergroup, which the REST API can only read
/// (observe-only: differences are drift, nothing is planned).
/// </summary>
public static class SpsKinds
{
    public const string Group = "sps.pamoperator.io";
    public const string Vendor = "sps";

    /// <summary>Wire types (the reader's and writer's names for the three kinds).</summary>
    public const string UserType = "local_user";
    public const string GroupType = "local_user_group";
    public const string AclType = "usergroup_acl";

    public static KindDescriptor LocalUser { get; } = Kind("LocalUser", "localusers", UserType,
        "A local user of SPS (/api/configuration/aaa/local_database/users); its name is metadata.name (or the external-name annotation).",
        [
            Field.Secret("password", null,
                "The user's password, by reference (valueFrom). Sent as a new password object on create and on rotation; never read back or compared."),
            Field.DateTime("rotateSecretAfter", null, null,
                "Password rotation: the password is sent again when SPS's password_created is earlier than this instant (RFC 3339).",
                allowInfinity: false),
        ]) with
    {
        Rules =
        [
            new(DiagnosticCodes.NotAllowedWhen, "!has(self.rotateSecretAfter) || has(self.password)",
                "rotateSecretAfter is only allowed together with password",
                "rotateSecretAfter re-sends spec.password; add spec.password or remove rotateSecretAfter.", ".rotateSecretAfter"),
        ],
    };

    public static KindDescriptor LocalUserGroup { get; } = Kind("LocalUserGroup", "localusergroups", GroupType,
        "A local usergroup of SPS (/api/configuration/aaa/local_database/groups) and its members; its name is metadata.name.",
        [
            new FieldDescriptor
            {
                Name = "members",
                Type = FieldType.ObjectList,
                MaxItems = 256,
                Description = "The group's members, each a local user by name (SPS stores their keys; pamctl resolves them). Compared as a set; [] for none.",
                Fields = [Field.Reference("user", "user", UserType, "A local user's name.") with { Required = true }],
                Rules =
                [
                    new(SpsDiagnosticCodes.MemberListedTwice, "self.all(m, self.exists_one(n, n.user == m.user))",
                        "a user is listed twice in members", "List each member once."),
                ],
            },
        ]);

    public static KindDescriptor UsergroupAcl { get; } = Kind("UsergroupAcl", "usergroupacls", AclType,
        "The privileges of an SPS usergroup (/api/configuration/aaa/acls), by the group's name. The REST API cannot change them: "
        + "pamctl reports drift and plans nothing; change them on the SPS web interface.",
        [
            new FieldDescriptor
            {
                Name = "privileges",
                Type = FieldType.ObjectList,
                Required = true,
                MaxItems = 256,
                Description = "What the group may read or write, one entry per object. Compared as a set.",
                Fields =
                [
                    Field.Text("object", "objects", "The privilege's object, e.g. /special/basic.") with { Required = true },
                    Field.Enum("permission", "permission", ["read", "write"], null, "read, or write (needed to configure the object).") with { Required = true },
                ],
            },
        ]) with { Capability = KindCapability.ObserveOnly };

    /// <summary>Every SPS kind, users before the groups that list them.</summary>
    public static IReadOnlyList<KindDescriptor> All { get; } = [LocalUser, LocalUserGroup, UsergroupAcl];

    private static KindDescriptor Kind(string kind, string plural, string wire, string description, IReadOnlyList<FieldDescriptor> fields) => new()
    {
        Group = Group,
        Kind = kind,
        Plural = plural,
        ShortNames = ["sps" + kind.ToLowerInvariant()],
        Vendor = Vendor,
        WireType = wire,
        Fields = fields,
        Description = description,
    };
}
