using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations.Rules;

/// <summary>"reason: if blocked == true" (safes, users, servers, listeners).</summary>
internal sealed class BlockedReasonRules : IModelRules
{
    public static ApiError? Check(RuleContext context) =>
        context.Flag("blocked") && string.IsNullOrEmpty(context.Text("reason"))
            ? ApiError.BadRequest("reason is required when blocked is true")
            : null;

    public ApiError? Apply(RuleContext context) => Check(context);
}
