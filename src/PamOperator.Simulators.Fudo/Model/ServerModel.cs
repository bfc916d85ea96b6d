using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>
/// ServerModel (Fudo API v2 "Servers", 5.4/5.5; a real client's create body in pam-apis.md 1.5): the target a user
/// reaches. Address, mask and port are unique together; the protocol is immutable and case-insensitive. The protocol
/// groups (<c>http_</c>, <c>rdp_</c>, <c>tls_</c>) are flat on the wire like a safe's.
/// </summary>
internal static class ServerModel
{
    public static readonly string[] Protocols =
        ["http", "modbus", "mysql", "rdp", "ssh", "system", "tcp", "tds", "telnet", "tn3270", "tn5250", "vnc"];

    public static ModelSchema Create(IModelRules rules) => new(WireTypes.Server,
    [
        A.Id(), A.Name(), A.Str("description"),
        A.Bool("blocked", false), A.Str("reason") with { Condition = "blocked == true" },
        A.Str("bind_ip"),
        A.Str("address") with { Required = true },
        A.Num("mask", 32) with { Minimum = 0, Maximum = 128 },
        A.Num("port") with { Required = true, Minimum = 1, Maximum = 65535 },
        A.Bool("legacy_crypto", false),
        A.Enum("protocol", null, Protocols) with { Required = true, Immutable = true, IgnoreCase = true },
        .. A.Group("http",
        [
            A.Str("http_host"), A.Num("http_timeout") with { Minimum = 1, Maximum = int.MaxValue },
            A.Bool("http_authentication"), A.Str("http_authentication_method"),
            A.Str("http_username_element"), A.Str("http_password_element"), A.Str("http_signon_realm"),
        ]),
        .. A.Group("rdp", [A.Bool("rdp_nla_enabled")]),
        .. A.Group("tls", [A.Bool("tls_enabled")]),
        A.Str("ssh_public_key") with { Condition = "protocol == ssh" },
        .. A.Timestamps(),
        A.Sys("last_login", AttrKind.Datetime, "-infinity", expensive: true),
        A.Derived("pools", AttrKind.ObjectArray, (c, s) => Derive.Array(PoolsOf(c, s), p => Derive.Summary(p, "name"))),
        A.Derived("pools_ids", AttrKind.StringArray, (c, s) => Derive.Array(PoolsOf(c, s), p => JsonValue.Create(p.IdText)), hidden: true),
        A.Derived("pools_names", AttrKind.StringArray, (c, s) => Derive.Array(PoolsOf(c, s), p => JsonValue.Create(p.Name)), hidden: true),
        A.Derived("state", AttrKind.String, Derive.Constant("created")),
        .. A.BuiltinHidden(),
    ])
    {
        Rules = rules,
    };

    private static IReadOnlyList<StoredObject> PoolsOf(DerivationContext c, StoredObject server) =>
        Derive.Linked(c, server, WireTypes.PoolServer, 1, WireTypes.Pool, "pool_id");
}
