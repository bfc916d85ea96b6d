using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>PoolModel (pam-apis.md 1.5): servers are attached with pool-server rows.</summary>
internal static class PoolModel
{
    public static ModelSchema Create(IModelRules rules) => new(WireTypes.Pool,
    [
        A.Id(), A.Name(), A.Str("description"),
        .. A.Timestamps(),
        A.Derived("servers", AttrKind.ObjectArray, (c, p) =>
            Derive.Array(ServersOf(c, p.IdText), s => Derive.Summary(s, "mask", "name", "port", "address"))),
        A.Derived("server_ids", AttrKind.StringArray, (c, p) =>
            Derive.Array(ServersOf(c, p.IdText), s => JsonValue.Create(s.IdText)), hidden: true),
        A.Derived("server_names", AttrKind.StringArray, (c, p) =>
            Derive.Array(ServersOf(c, p.IdText), s => JsonValue.Create(s.Name)), hidden: true),
        A.Enum("protocol", null, ServerModel.Protocols) with { IgnoreCase = true },
        .. A.BuiltinHidden(),
    ])
    {
        Rules = rules,
    };

    public static IReadOnlyList<StoredObject> ServersOf(DerivationContext c, string poolId) =>
        c.Lookup.ByKey(WireTypes.PoolServer, 0, poolId)
            .Select(row => c.Lookup.Get(WireTypes.Server, row.Text("server_id")))
            .OfType<StoredObject>()
            .ToList();
}
