using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Rules shared by several kinds, written once.</summary>
internal static class CommonRules
{
    public static ValidationRule ReasonWhenBlocked { get; } = new(
        FudoDiagnosticCodes.BlockedWithoutReason,
        "!(has(self.blocked) && self.blocked) || (has(self.reason) && size(self.reason) > 0)",
        "reason is required when blocked is true",
        "Add spec.reason saying why the object is blocked (the PAM shows it to users), or remove blocked: true.",
        ".blocked") { Reason = "FieldValueRequired" };

    public static FieldDescriptor Blocked { get; } =
        Field.Bool("blocked", "blocked", false, "Blocks the object: nobody can use it while blocked. Requires reason.");

    public static FieldDescriptor Reason { get; } =
        Field.Text("reason", "reason", "Why the object is blocked; required when blocked is true.");
}
