using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations.Rules;

/// <summary>For models whose generic checks (required, enums, references, unique keys) are the whole story.</summary>
internal sealed class NoRules : IModelRules
{
    public ApiError? Apply(RuleContext context) => null;
}
