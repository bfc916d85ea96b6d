namespace PamOperator.Simulators.Fudo.Model;

/// <summary>SafeGrantAssignmentModel (seed 000) and AccountGrantAssignmentModel (seed 001, deprecated since 5.5):
/// management privileges of a user over one object. Only GET, POST and DELETE exist.</summary>
internal static class GrantModel
{
    public const string AccountGrantDeprecation = "Deprecated since version 5.5; scheduled for removal in the next major release.";

    public static ModelSchema CreateSafeGrant(IModelRules rules) => Create(WireTypes.SafeGrant, WireTypes.Safe, null, rules);

    public static ModelSchema CreateAccountGrant(IModelRules rules) =>
        Create(WireTypes.AccountGrant, WireTypes.Account, AccountGrantDeprecation, rules);

    private static ModelSchema Create(string type, string target, string? deprecation, IModelRules rules) => new(type,
    [
        A.Id(),
        A.Ref("to_user_id", WireTypes.User, required: true, immutable: true),
        A.Ref($"for_{target}_id", target, required: true, immutable: true),
        A.Derived($"for_{target}_name", AttrKind.String, Derive.NameOf(target, $"for_{target}_id")),
        A.Derived("to_user_name", AttrKind.String, Derive.NameOf(WireTypes.User, "to_user_id")),
        A.Derived("to_user_role", AttrKind.String, Derive.AttributeOf(WireTypes.User, "to_user_id", "role")),
        .. A.Timestamps(),
    ])
    {
        KeyAttributes = ["to_user_id", $"for_{target}_id"],
        Patchable = false,
        Deprecation = deprecation,
        Rules = rules,
    };
}
