namespace PamOperator.Simulators.Fudo.Model;

/// <summary>AccountSafeListenerAssignmentModel (seeds 000, 001); the listener is optional.</summary>
internal static class AccountSafeListenerModel
{
    public static ModelSchema Create(IModelRules rules) => new(WireTypes.AccountSafeListener,
    [
        A.Id(),
        A.Ref("account_id", WireTypes.Account, required: true, immutable: true),
        A.Ref("safe_id", WireTypes.Safe, required: true, immutable: true),
        A.Ref("listener_id", WireTypes.Listener, immutable: true),
        A.Derived("account_name", AttrKind.String, Derive.NameOf(WireTypes.Account, "account_id")),
        A.Derived("account_type", AttrKind.String, Derive.AttributeOf(WireTypes.Account, "account_id", "type")),
        A.Derived("protocol", AttrKind.String, (c, o) =>
            c.Lookup.Get(WireTypes.Account, o.Text("account_id")) is { } a ? AccountDerivations.Protocol(c, a) : null),
        A.Derived("server_id", AttrKind.Id, Derive.AttributeOf(WireTypes.Account, "account_id", "server_id")),
        A.Derived("server_name", AttrKind.String, (c, o) => Via(c, o, WireTypes.Server, "server_id")),
        A.Derived("pool_id", AttrKind.Id, Derive.AttributeOf(WireTypes.Account, "account_id", "pool_id")),
        A.Derived("pool_name", AttrKind.String, (c, o) => Via(c, o, WireTypes.Pool, "pool_id")),
        A.Derived("safe_name", AttrKind.String, Derive.NameOf(WireTypes.Safe, "safe_id")),
        A.Derived("listener_name", AttrKind.String, Derive.NameOf(WireTypes.Listener, "listener_id")),
        .. A.Timestamps(),
        .. A.BuiltinHidden(),
    ])
    {
        KeyAttributes = ["account_id", "safe_id", "listener_id"],
        Patchable = false,
        Rules = rules,
    };

    /// <summary>The name of the assigned account's server or pool.</summary>
    private static System.Text.Json.Nodes.JsonNode? Via(DerivationContext c, StoredObject row, string type, string idAttribute)
    {
        var account = c.Lookup.Get(WireTypes.Account, row.Text("account_id"));
        return account is null ? null : Derive.NameOf(type, idAttribute)(c, account);
    }
}
