namespace PamOperator.Simulators.Fudo.Model;

/// <summary>ListenerModel (pam-apis.md 1.5), the attributes a reconciler references.</summary>
internal static class ListenerModel
{
    public static ModelSchema Create(IModelRules rules) => new(WireTypes.Listener,
    [
        A.Id(), A.Name(),
        A.Bool("blocked", false), A.Str("reason") with { Condition = "blocked == true" },
        A.Str("announcement"),
        A.Enum("protocol", null, ServerModel.Protocols) with { Required = true, Immutable = true, IgnoreCase = true },
        A.Enum("mode", null, "bastion", "gateway", "proxy", "transparent") with { Required = true },
        A.Str("listen_interface") with { Condition = "mode == gateway || mode == transparent" },
        A.Str("listen_ip") with { Default = "0.0.0.0", Condition = "mode == bastion || mode == proxy" },
        A.Num("listen_port") with { Minimum = 1, Maximum = 60000, Condition = "mode == bastion || mode == proxy" },
        A.Str("external_address"), A.Num("external_port") with { Minimum = 1, Maximum = 65535 },
        A.Bool("legacy_crypto", false),
        .. A.Timestamps(),
        .. A.BuiltinHidden(),
    ])
    {
        Rules = rules,
    };
}
