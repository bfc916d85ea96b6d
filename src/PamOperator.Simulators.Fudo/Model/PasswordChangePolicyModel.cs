namespace PamOperator.Simulators.Fudo.Model;

/// <summary>Password change policies: "can't be created via API, but can be assigned" (seed 001). Read-only here;
/// they come from fixtures, including the built-in <c>Static</c> policy with id 1.</summary>
internal static class PasswordChangePolicyModel
{
    public static ModelSchema Create(IModelRules rules) => new(WireTypes.PasswordChangePolicy,
    [
        A.Id(), A.Name(), A.Str("description"),
        .. A.Timestamps(),
        .. A.BuiltinHidden(),
    ])
    {
        WritableViaApi = false,
        Rules = rules,
    };
}
