namespace PamOperator.Simulators.Fudo.Model;

/// <summary>
/// ListenerModel (Fudo API v2 "Listeners", 5.3/5.4): the gateway users connect through. The protocol is immutable;
/// private keys (RDP, SSH host key, TLS) and their passphrase are write-only; the public halves and certificates are
/// plain attributes. Protocol groups are flat on the wire.
/// </summary>
internal static class ListenerModel
{
    public static readonly string[] Modes = ["bastion", "gateway", "proxy", "transparent"];

    public static ModelSchema Create(IModelRules rules) => new(WireTypes.Listener,
    [
        A.Id(), A.Name(),
        A.Bool("blocked", false), A.Str("reason") with { Condition = "blocked == true" },
        A.Str("announcement"),
        A.Bool("ignore_case", false),
        A.Bool("legacy_crypto", false),
        A.Enum("protocol", null, ServerModel.Protocols) with { Required = true, Immutable = true, IgnoreCase = true },
        A.Enum("mode", null, Modes) with { Required = true, IgnoreCase = true },
        A.Str("listen_interface") with { Condition = "mode == gateway || mode == transparent" },
        A.Str("listen_ip") with { Default = "0.0.0.0", Condition = "mode == bastion || mode == proxy" },
        A.Num("listen_port") with { Minimum = 1, Maximum = 60000, Condition = "mode == bastion || mode == proxy" },
        A.Str("external_address") with { Condition = "external_port" },
        A.Num("external_port") with { Minimum = 1, Maximum = 65535, Condition = "external_address" },
        A.Bool("http_render", true),
        A.Str("private_key_passphrase") with
        {
            Protected = true, Condition = "rdp_private_key || ssh_private_key || tls_private_key",
        },
        .. A.Group("rdp",
        [
            A.Str("rdp_private_key") with { Protected = true, Condition = "protocol == rdp" },
            A.Str("rdp_public_key") with { Condition = "protocol == rdp" },
        ]),
        .. A.Group("ssh",
        [
            A.Str("ssh_private_key") with { Protected = true, Condition = "protocol == ssh" },
            A.Str("ssh_public_key") with { Condition = "protocol == ssh" },
        ]),
        .. A.Group("tls",
        [
            A.Bool("tls_enabled", false),
            A.Str("tls_private_key") with { Protected = true, Condition = "tls_enabled == true" },
            A.Str("tls_certificate") with { Condition = "tls_enabled == true" },
        ]),
        .. A.Timestamps(),
        .. A.BuiltinHidden(),
    ])
    {
        Rules = rules,
    };
}
