using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>
/// Fudo user-safe assignment (seed 000, UserSafeAssignmentModel) with its day-of-week time policy
/// (UserSafeTimePolicyAssignmentModel rows, folded into <c>timePolicy</c>).
/// </summary>
internal static class UserSafeAssignmentKind
{
    /// <summary>Days in wire order: the provider maps Monday..Sunday to day_of_week 1..7.</summary>
    public static IReadOnlyList<string> Days { get; } = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = FudoGroup.Group,
        Kind = "UserSafeAssignment",
        Plural = "usersafeassignments",
        ShortNames = ["fudousersafe"],
        Vendor = FudoGroup.Vendor,
        WireType = "user_safe",
        KeyFields = ["user", "safe"],
        Description = "Gives a user access to a safe, optionally limited to a validity period and weekly time windows.",
        Fields =
        [
            Field.Reference("user", "user_id", "user", "The user (by PAM name).") with { Required = true, Immutable = true },
            Field.Reference("safe", "safe_id", "safe", "The safe (by PAM name).") with { Required = true, Immutable = true },
            Field.Bool("blocked", "blocked", false, "Suspends this user's access to the safe."),
            Field.Bool("passwordVisible", "password_visible", false, "Allow secret checkout: the user may view account passwords."),
            Field.Bool("useTimePolicy", "use_time_policy", false, "Enforce timePolicy; required for a non-empty timePolicy."),
            Field.DateTime("validSince", "valid_since", "-infinity", "Start of access.", allowInfinity: true),
            Field.DateTime("validTo", "valid_to", "infinity", "End of access.", allowInfinity: true),
            Field.Int("position", "position", null, "Order of the safe in the user's list."),
            new FieldDescriptor
            {
                Name = "timePolicy",
                WireName = null,
                Type = FieldType.ObjectList,
                MaxItems = 64,
                Description = "Weekly access windows (user_safe_time_policy rows); access is allowed only inside them when useTimePolicy is true.",
                Fields =
                [
                    Field.Enum("dayOfWeek", "day_of_week", Days, null, "Day of the week (the wire's 1..7, Monday = 1).") with { Required = true },
                    Field.Time("validFrom", "valid_from", "Window start, HH:MM:SS.") with { Required = true },
                    Field.Time("validTo", "valid_to", "Window end, HH:MM:SS, later than validFrom (24:00:00 = end of day).") with { Required = true },
                ],
                ItemRules =
                [
                    new(FudoDiagnosticCodes.TimeWindowEmpty,
                        "self.validFrom < self.validTo",
                        "time window must end after it starts (validFrom < validTo)",
                        "Swap validFrom and validTo, or split a window that crosses midnight into two days.",
                        ".validTo"),
                ],
                Rules =
                [
                    new(FudoDiagnosticCodes.TimeWindowOverlap,
                        "self.all(a, a.validFrom >= a.validTo || self.exists_one(b, b.dayOfWeek == a.dayOfWeek && b.validFrom < a.validTo && a.validFrom < b.validTo))",
                        "time windows on the same day overlap or repeat",
                        "Merge overlapping windows of the same dayOfWeek into one, and remove duplicates.")
                    {
                        Reason = "FieldValueDuplicate",
                    },
                ],
            },
        ],
        Rules =
        [
            new(FudoDiagnosticCodes.TimePolicyUnused,
                "!has(self.timePolicy) || size(self.timePolicy) == 0 || (has(self.useTimePolicy) && self.useTimePolicy)",
                "timePolicy has no effect unless useTimePolicy is true",
                "Set spec.useTimePolicy: true to enforce the windows, or remove spec.timePolicy.",
                ".timePolicy"),
        ],
    };
}
