namespace PamOperator.Simulators.Fudo.Model;

/// <summary>UserSafeAssignmentModel (seed 000): addressed by the pair <c>/user/&lt;user_id&gt;/safe/&lt;safe_id&gt;</c>.</summary>
internal static class UserSafeModel
{
    public static ModelSchema Create(IModelRules rules) => new(WireTypes.UserSafe,
    [
        A.Id(),
        A.Ref("user_id", WireTypes.User, required: true, immutable: true),
        A.Ref("safe_id", WireTypes.Safe, required: true, immutable: true),
        A.Bool("blocked", false), A.Num("position"), A.Bool("password_visible", false), A.Bool("use_time_policy", false),
        A.Date("valid_since", "-infinity"), A.Date("valid_to", "infinity"),
        A.Derived("user_name", AttrKind.String, Derive.NameOf(WireTypes.User, "user_id")),
        A.Derived("safe_name", AttrKind.String, Derive.NameOf(WireTypes.Safe, "safe_id")),
        .. A.Timestamps(),
        .. A.BuiltinHidden(),
    ])
    {
        KeyAttributes = ["user_id", "safe_id"],
        Rules = rules,
    };
}
