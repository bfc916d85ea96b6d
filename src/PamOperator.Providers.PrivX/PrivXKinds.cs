using PamOperator.Core.Schema;

namespace PamOperator.Providers.PrivX;

/// <summary>
/// PrivX's kinds: selector kinds over the connection manager's recorded connections (seed 004). Both select
/// connections with the same <see cref="ConnectionSelector"/> and record ownership in the PAM (see
/// <see cref="OwnershipTags"/>).
/// </summary>
public static class PrivXKinds
{
    public const string Group = "privx.pamoperator.io";
    public const string Vendor = "privx";
    public const string Connection = "connection";
    public const string Role = "role";

    /// <summary>A role granted access to (may review) every selected connection.</summary>
    public static KindDescriptor ConnectionAccessGrant { get; } = Kind("ConnectionAccessGrant", "connectionaccessgrants", "connection_access_grant",
        "Grants a role access to every recorded connection the selector matches (connection-manager access roles).",
        [
            Field.Reference("role", "role_id", Role, "The role granted access, by its PrivX name.") with { Required = true },
            ConnectionSelector.Field,
        ],
        new Selection(Connection, "selector", "role", SelectedField: "accessRoles", OwnersField: "accessRoleOwners", Matches: ConnectionSelector.Matches));

    /// <summary>Tags every selected connection must carry.</summary>
    public static KindDescriptor ConnectionTags { get; } = Kind("ConnectionTags", "connectiontags", "connection_tags",
        "Tags every recorded connection the selector matches must carry (connection-manager tags).",
        [
            ConnectionSelector.Field,
            new FieldDescriptor
            {
                Name = "tags", Type = FieldType.StringList, Required = true, MaxItems = 32, Pattern = "^[^~].{0,127}$",
                FormatHint = "a tag of 1 to 128 characters that does not start with ~ (reserved for pamctl's ownership records)",
                Description = "Tags every selected connection must carry (1 to 128 characters, not starting with ~).",
            },
        ],
        new Selection(Connection, "selector", "tags", OwnersField: "tagOwners", Matches: ConnectionSelector.Matches));

    public static IReadOnlyList<KindDescriptor> All { get; } = [ConnectionAccessGrant, ConnectionTags];

    private static KindDescriptor Kind(string kind, string plural, string wire, string description, IReadOnlyList<FieldDescriptor> fields, Selection selection) => new()
    {
        Group = Group,
        Kind = kind,
        Plural = plural,
        ShortNames = ["privx" + kind.ToLowerInvariant()],
        Vendor = Vendor,
        WireType = wire,
        Fields = fields,
        Description = description,
        Capability = KindCapability.Selector,
        Selection = selection,
    };
}
