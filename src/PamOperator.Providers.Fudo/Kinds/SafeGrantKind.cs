using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Fudo safe grant (seed 000, SafeGrantAssignmentModel): management privileges over a safe.</summary>
internal static class SafeGrantKind
{
    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = FudoGroup.Group,
        Kind = "SafeGrant",
        Plural = "safegrants",
        ShortNames = ["fudosafegrant"],
        Vendor = FudoGroup.Vendor,
        WireType = "safe_grant",
        KeyFields = ["user", "safe"],
        Description = "Lets an operator or admin user manage a safe.",
        Fields =
        [
            Field.Reference("user", "to_user_id", "user", "The user who receives the privilege (by PAM name).") with { Required = true, Immutable = true },
            Field.Reference("safe", "for_safe_id", "safe", "The safe (by PAM name).") with { Required = true, Immutable = true },
        ],
    };
}
