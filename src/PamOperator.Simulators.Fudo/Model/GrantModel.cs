namespace PamOperator.Simulators.Fudo.Model;

/// <summary>
/// Grant assignments: management privileges of a user over one object (pam-apis.md 1.4, "Grant" group: GET, POST and
/// DELETE only). SafeGrantAssignmentModel (seed 000), AccountGrantAssignmentModel (seed 001, deprecated since 5.5),
/// PoolGrantAssignmentModel (pools page), and the user, server and listener grants of the same shape (the 5.5 endpoints
/// page lists grants over "accounts, pools, other users, listeners, safes, or servers").
/// </summary>
internal static class GrantModel
{
    public const string AccountGrantDeprecation = "Deprecated since version 5.5; scheduled for removal in the next major release.";

    /// <summary>Every grant type with the type it is over (<c>for_&lt;target&gt;_id</c>), and its endpoint below <c>grant/</c>.</summary>
    public static IReadOnlyList<(string Type, string Target)> All { get; } =
    [
        (WireTypes.SafeGrant, WireTypes.Safe),
        (WireTypes.AccountGrant, WireTypes.Account),
        (WireTypes.UserGrant, WireTypes.User),
        (WireTypes.ServerGrant, WireTypes.Server),
        (WireTypes.PoolGrant, WireTypes.Pool),
        (WireTypes.ListenerGrant, WireTypes.Listener),
    ];

    public static ModelSchema Create(string type, string target, IModelRules rules) => new(type,
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
        Deprecation = type == WireTypes.AccountGrant ? AccountGrantDeprecation : null,
        Rules = rules,
    };
}
