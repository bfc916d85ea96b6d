using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Fudo account grant (seed 001, AccountGrantAssignmentModel): deprecated by Fudo since 5.5.</summary>
internal static class AccountGrantKind
{
    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = FudoGroup.Group,
        Kind = "AccountGrant",
        Plural = "accountgrants",
        ShortNames = ["fudoaccountgrant"],
        Vendor = FudoGroup.Vendor,
        WireType = "account_grant",
        KeyFields = ["user", "account"],
        Deprecation = "deprecated by Fudo since 5.5; use SafeGrant/assignments",
        Description = "Lets an operator or admin user manage an account. Deprecated by Fudo since 5.5.",
        Fields =
        [
            Field.Reference("user", "to_user_id", "user", "The user who receives the privilege (by PAM name).") with { Required = true, Immutable = true },
            Field.Reference("account", "for_account_id", "account", "The account (by PAM name).") with { Required = true, Immutable = true },
        ],
    };
}
