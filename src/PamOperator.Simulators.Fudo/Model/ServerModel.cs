namespace PamOperator.Simulators.Fudo.Model;

/// <summary>Server (model page not in the seeds; attributes from a real client's create body, pam-apis.md 1.5).</summary>
internal static class ServerModel
{
    public static readonly string[] Protocols =
        ["http", "modbus", "mysql", "rdp", "ssh", "system", "tcp", "tds", "telnet", "tn3270", "tn5250", "vnc"];

    public static ModelSchema Create(IModelRules rules) => new(WireTypes.Server,
    [
        A.Id(), A.Name(), A.Str("description"),
        A.Bool("blocked", false), A.Str("reason") with { Condition = "blocked == true" },
        A.Str("address") with { Required = true },
        A.Num("mask", 32) with { Minimum = 0, Maximum = 128 },
        A.Num("port") with { Required = true, Minimum = 1, Maximum = 65535 },
        A.Enum("protocol", null, Protocols) with { Required = true, IgnoreCase = true },
        A.Str("bind_ip"),
        A.Bool("rdp_nla_enabled"), A.Bool("tls_enabled"), A.Bool("http_authentication"),
        A.Str("http_password_element"), A.Str("http_username_element"), A.Str("http_signon_realm"),
        .. A.Timestamps(),
        .. A.BuiltinHidden(),
    ])
    {
        Rules = rules,
    };
}
