using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>
/// Fudo user-safe assignment (seed 000, UserSafeAssignmentModel) with its day-of-week time policy
/// (UserSafeTimePolicyAssignmentModel rows, folded into <c>timePolicy</c>).
/// </summary>
internal static class UserSafeAssignmentKind
{
    /// <summary>Fudo's time of day (h:m:s): 00:00:00 to 23:59:59; there is no 24:00:00.</summary>
    private const string TimeOfDay = "^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$";

    private const string TimeOfDayHint = "HH:MM:SS on a 24-hour clock, 00:00:00 to 23:59:59 (23:59:59 ends the day)";

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
                // Fudo keeps one user_safe_time_policy row per day (seed 000: "declared separately for each day"; the
                // row is unique by user, safe and day_of_week), so at most one window per day, seven in all.
                MaxItems = 7,
                Description = "Weekly access windows (user_safe_time_policy rows, one per day); access is allowed only inside them when useTimePolicy is true.",
                Fields =
                [
                    Field.Enum("dayOfWeek", "day_of_week", Days, null, "Day of the week (the wire's 1..7, Monday = 1).") with { Required = true },
                    Field.Time("validFrom", "valid_from", "Window start, HH:MM:SS.") with { Required = true, Pattern = TimeOfDay, FormatHint = TimeOfDayHint },
                    Field.Time("validTo", "valid_to", "Window end, HH:MM:SS, later than validFrom (23:59:59 = end of day).") with { Required = true, Pattern = TimeOfDay, FormatHint = TimeOfDayHint },
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
                        "self.all(a, self.exists_one(b, b.dayOfWeek == a.dayOfWeek))",
                        "more than one time window on the same day",
                        "Fudo keeps one window per day: merge the windows of each dayOfWeek into one (e.g. 07:00:00-19:00:00), or use a second user-safe assignment."),
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
