namespace PamOperator.Simulators.Fudo.Model;

/// <summary>ServerPoolModel (pam-apis.md 1.5): one server in one pool; the pair is immutable and unique.</summary>
internal static class PoolServerModel
{
    public static ModelSchema Create(IModelRules rules) => new(WireTypes.PoolServer,
    [
        A.Id(),
        A.Ref("pool_id", WireTypes.Pool, required: true, immutable: true),
        A.Ref("server_id", WireTypes.Server, required: true, immutable: true),
        A.Derived("pool_name", AttrKind.String, Derive.NameOf(WireTypes.Pool, "pool_id")),
        A.Derived("server_name", AttrKind.String, Derive.NameOf(WireTypes.Server, "server_id")),
        A.Derived("server_protocol", AttrKind.String, Derive.AttributeOf(WireTypes.Server, "server_id", "protocol")),
        .. A.Timestamps(),
    ])
    {
        KeyAttributes = ["pool_id", "server_id"],
        Patchable = false,
        Rules = rules,
    };
}
