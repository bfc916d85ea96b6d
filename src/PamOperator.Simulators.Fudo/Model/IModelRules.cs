using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>
/// A model's conditional rules (the seed's "if type == regular" column, references that must agree, values the
/// simulator fills on write). Runs after generic checks, on create and on patch, before anything is stored.
/// </summary>
internal interface IModelRules
{
    /// <summary>May complete <see cref="RuleContext.Merged"/> (e.g. a default policy); returns the first violation.</summary>
    ApiError? Apply(RuleContext context);
}
