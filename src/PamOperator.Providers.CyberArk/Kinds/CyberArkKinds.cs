using PamOperator.Core.Schema;

namespace PamOperator.Providers.CyberArk.Kinds;

/// <summary>
/// CyberArk's kinds: <c>Safe</c>, <c>Account</c> (in a safe; its secret by reference), <c>SafeMember</c> (a vault
/// user or group's permissions on a safe) and the lifecycle kind <c>AccessRequest</c> (dual control: created once,
/// then tracked until confirmed, rejected or expired).
/// </summary>
public static class CyberArkKinds
{
    public const string Group = "cyberark.pamoperator.io";
    public const string Vendor = "cyberark";

    /// <summary>The permissions of a safe member (PVWA's permissions object), every one false unless given.</summary>
    public static IReadOnlyList<(string Name, string Description)> Permissions { get; } =
    [
        ("useAccounts", "Use accounts (connect) without seeing the secret."),
        ("retrieveAccounts", "Retrieve (show or copy) account secrets."),
        ("listAccounts", "See the accounts of the safe."),
        ("addAccounts", "Add accounts (includes updating their properties)."),
        ("updateAccountContent", "Change account secrets."),
        ("updateAccountProperties", "Change account properties."),
        ("initiateCPMAccountManagementOperations", "Start CPM changes, verifications and reconciliations."),
        ("specifyNextAccountContent", "Set the next secret the CPM uses."),
        ("renameAccounts", "Rename accounts."),
        ("deleteAccounts", "Delete accounts."),
        ("unlockAccounts", "Unlock accounts locked by other users."),
        ("manageSafe", "Change the safe's properties."),
        ("manageSafeMembers", "Add and remove members and change their permissions."),
        ("backupSafe", "Back up the safe."),
        ("viewAuditLog", "See the safe's audit log."),
        ("viewSafeMembers", "See the safe's members."),
        ("accessWithoutConfirmation", "Use accounts without dual-control confirmation."),
        ("createFolders", "Create folders."),
        ("deleteFolders", "Delete folders."),
        ("moveAccountsAndFolders", "Move accounts and folders."),
        ("requestsAuthorizationLevel1", "Confirm access requests at level 1."),
        ("requestsAuthorizationLevel2", "Confirm access requests at level 2."),
    ];

    public static KindDescriptor Safe { get; } = Kind("Safe", "safes", "safe",
        "A CyberArk safe (metadata.name is the safe name: up to 28 characters, none of \\ / : * < > . | ? \" % & +).",
        [
            Field.Text("description", "description", "What the safe holds (up to 100 characters).") with { Default = "" },
            Field.Text("location", "location", "The vault location (folder path).") with { Default = "\\" },
            Field.Bool("olacEnabled", "olacEnabled", false, "Object-level access control; cannot be switched off once on."),
            Field.Text("managingCpm", "managingCPM", "The CPM that manages the safe's accounts; empty for none.") with { Default = "" },
            Field.Int("numberOfVersionsRetention", "numberOfVersionsRetention", null, "Secret versions kept (exclusive with numberOfDaysRetention).", 1, 999),
            Field.Int("numberOfDaysRetention", "numberOfDaysRetention", null, "Days secret versions are kept (exclusive with numberOfVersionsRetention).", 0, 3650),
            Field.Bool("autoPurgeEnabled", "autoPurgeEnabled", false, "Purge expired versions automatically."),
        ]) with
    {
        Rules =
        [
            new(CyberArkDiagnosticCodes.RetentionExclusive,
                "has(self.numberOfVersionsRetention) != has(self.numberOfDaysRetention)",
                "set exactly one of numberOfVersionsRetention and numberOfDaysRetention",
                "PVWA keeps secret versions either by count or by days: give one of the two (e.g. numberOfDaysRetention: 7).",
                ".numberOfDaysRetention"),
        ],
    };

    public static KindDescriptor Account { get; } = Kind("Account", "accounts", "account",
        "A CyberArk account in a safe (metadata.name is the account's name in the vault, unique among the accounts managed here).",
        [
            Field.Reference("safe", "safeName", "safe", "The safe holding the account; fixed at creation.") with { Required = true, Immutable = true },
            Field.Text("platformId", "platformId", "The platform (e.g. UnixSSH, WinDomain, MySQL).") with { Required = true },
            Field.Text("address", "address", "The machine the account is used on.") with { Default = "" },
            Field.Text("userName", "userName", "The account's user name on that machine.") with { Default = "" },
            Field.Enum("secretType", "secretType", ["password", "key"], "password", "What the secret is; fixed at creation.") with { Immutable = true },
            Field.Secret("secret", "secret", "The password or private key, by reference (write-only: sent on create and rotation, never read back)."),
            new FieldDescriptor
            {
                Name = "platformProperties",
                WireName = "platformAccountProperties",
                Type = FieldType.ObjectList,
                MaxItems = 64,
                Description = "The platform's extra account properties (e.g. Port, LogonDomain), as name/value pairs.",
                Fields =
                [
                    Field.Text("name", "name", "The property name as the platform defines it (the member's name on the wire).") with { Required = true },
                    Field.Text("value", "value", "Its value.") with { Required = true },
                ],
            },
            Field.Bool("automaticManagement", "automaticManagementEnabled", true, "The CPM changes the secret automatically."),
            Field.Text("manualManagementReason", "manualManagementReason", "Why the CPM does not manage it (only with automaticManagement false)."),
            Field.Text("remoteMachines", "remoteMachines", "Machines the account may reach, separated by ;.") with { Default = "" },
            Field.Bool("restrictToRemoteMachines", "accessRestrictedToRemoteMachines", false, "Allow only remoteMachines."),
        ]) with
    {
        Rules =
        [
            new(CyberArkDiagnosticCodes.ManualReasonWithAutomatic,
                "!has(self.manualManagementReason) || (has(self.automaticManagement) && !self.automaticManagement)",
                "manualManagementReason needs automaticManagement: false",
                "The reason explains why the CPM does not manage the account: set automaticManagement: false or remove the reason.",
                ".manualManagementReason"),
        ],
    };

    public static KindDescriptor SafeMember { get; } = Kind("SafeMember", "safemembers", "safe_member",
        "A vault user or group's permissions on a safe (PVWA's safe member).",
        [
            Field.Reference("safe", "safeName", "safe", "The safe.") with { Required = true, Immutable = true },
            Field.Text("member", "memberName", "The vault user or group.") with { Required = true, Immutable = true },
            Field.DateTime("membershipExpiration", "membershipExpirationDate", null, "When the membership ends; none when left out.", allowInfinity: false),
            Field.Object("permissions", "What the member may do; every permission left out is false.",
                [.. Permissions.Select(p => Field.Bool(p.Name, p.Name, false, p.Description))]),
        ]) with
    {
        KeyFields = ["safe", "member"],
    };

    public static KindDescriptor AccessRequest { get; } = Kind("AccessRequest", "accessrequests", "access_request",
        "A dual-control access request for an account: created once, then tracked until confirmed, rejected or expired.",
        [
            Field.Reference("safe", "SafeName", "safe", "The safe holding the account.") with { Required = true, Immutable = true },
            Field.Reference("account", "AccountId", "account", "The account, by name.") with { Required = true, Immutable = true },
            Field.Text("reason", "Reason", "Why access is needed.") with { Required = true },
            Field.Text("ticketingSystem", "TicketingSystemName", "The ticketing system of the change ticket."),
            Field.Text("ticketId", "TicketID", "The ticket id in that system."),
            Field.Bool("multipleAccess", "MultipleAccess", false, "Access may be used several times while valid."),
            Field.DateTime("from", "FromDate", null, "Start of the access window.", allowInfinity: false),
            Field.DateTime("to", "ToDate", null, "End of the access window; the request expires then.", allowInfinity: false) with { Required = true },
            Field.Text("connectionComponent", "ConnectionComponent", "Connect through PSM with this connection component (e.g. PSM-SSH)."),
            new FieldDescriptor
            {
                Name = "connectionParameters",
                WireName = "ConnectionParams",
                Type = FieldType.ObjectList,
                MaxItems = 32,
                Description = "Parameters of the connection component (only with connectionComponent).",
                Fields =
                [
                    Field.Text("name", "name", "The parameter name (the member's name on the wire).") with { Required = true },
                    Field.Text("value", "value", "Its value.") with { Required = true },
                    Field.Bool("shouldSave", "ShouldSave", false, "Save the value with the account for later connections."),
                ],
            },
        ]) with
    {
        Capability = KindCapability.Lifecycle,
        KeyFields = ["safe", "account"],
        Rules =
        [
            new(CyberArkDiagnosticCodes.ParametersWithoutComponent,
                "!has(self.connectionParameters) || size(self.connectionParameters) == 0 || has(self.connectionComponent)",
                "connectionParameters need a connectionComponent",
                "Name the PSM connection component (e.g. connectionComponent: PSM-SSH) or remove connectionParameters.",
                ".connectionParameters"),
        ],
    };

    public static IReadOnlyList<KindDescriptor> All { get; } = [Safe, Account, SafeMember, AccessRequest];

    private static KindDescriptor Kind(string kind, string plural, string wire, string description, IReadOnlyList<FieldDescriptor> fields) => new()
    {
        Group = Group,
        Kind = kind,
        Plural = plural,
        ShortNames = ["ca" + kind.ToLowerInvariant()],
        Vendor = Vendor,
        WireType = wire,
        Fields = fields,
        Description = description,
    };
}

/// <summary>The diagnostic codes only CyberArk's kinds raise (PAM270-279 rules); docs/diagnostics.md explains each.</summary>
public static class CyberArkDiagnosticCodes
{
    /// <summary>A safe sets both or neither of numberOfVersionsRetention and numberOfDaysRetention.</summary>
    public const string RetentionExclusive = "PAM270";

    /// <summary>An account has a manualManagementReason while the CPM manages it.</summary>
    public const string ManualReasonWithAutomatic = "PAM271";

    /// <summary>An access request has connection parameters but no connection component.</summary>
    public const string ParametersWithoutComponent = "PAM272";

    public static IReadOnlyList<string> All { get; } = [RetentionExclusive, ManualReasonWithAutomatic, ParametersWithoutComponent];
}
