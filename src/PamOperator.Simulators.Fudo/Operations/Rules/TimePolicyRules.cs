using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations.Rules;

/// <summary>
/// A time policy belongs to a user-safe assignment (it records its id in <c>user_safe_id</c>), so the user must be
/// assigned to the safe first; the window must not be empty.
/// </summary>
internal sealed class TimePolicyRules : IModelRules
{
    public ApiError? Apply(RuleContext c)
    {
        if (c.IsCreate)
        {
            var userId = c.Text("user_id") ?? "";
            var assignment = c.Lookup.ByKey(WireTypes.UserSafe, 0, userId)
                .FirstOrDefault(a => a.Text("safe_id") == c.Text("safe_id"));
            if (assignment is null)
            {
                return ApiError.BadRequest($"user {userId} is not assigned to safe {c.Text("safe_id")}");
            }

            c.Merged["user_safe_id"] = assignment.IdText;
        }

        return string.CompareOrdinal(c.Text("valid_from"), c.Text("valid_to")) >= 0
            ? ApiError.BadRequest("valid_from must be earlier than valid_to")
            : null;
    }
}
