using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>SafeModel (seed 000), with the flat <c>rdp_</c>, <c>ssh_</c>, <c>vnc_</c> protocol attributes.</summary>
internal static class SafeModel
{
    public static ModelSchema Create(IModelRules rules) => new(WireTypes.Safe,
    [
        A.Id(), A.Name(),
        A.Bool("blocked", false), A.Str("reason") with { Condition = "blocked == true" },
        A.Bool("login_reason", false), A.Bool("use_ticketing_system", false), A.Bool("require_confirmation", false),
        A.Bool("otp_in_access_gateway", true), A.Bool("webclient", true),
        A.Num("confirmation_timeout", 5), A.Num("inactivity_limit", 0), A.Num("time_limit", 0),
        A.Enum("note_access", "none", "none", "read", "write"),
        A.Num("required_votes", 0),
        A.Ref("backup_id", null),
        .. A.Group("rdp",
        [
            A.Bool("rdp_audin", true), A.Bool("rdp_cliprdr", true), A.Num("rdp_depth"), A.Bool("rdp_rdpdr", true),
            A.Bool("rdp_rdpsnd", true), A.Bool("rdp_rdrynvc", true), A.Str("rdp_resolution"), A.Bool("rdp_suspend", true),
            A.Bool("rdp_tsmf", true),
        ]),
        .. A.Group("ssh",
        [
            A.Bool("ssh_agent", true), A.Bool("ssh_environment", true), A.Bool("ssh_exec", true),
            A.Bool("ssh_port_forwarding", true), A.Bool("ssh_scp", true), A.Bool("ssh_session", true),
            A.Bool("ssh_shell", true), A.Bool("ssh_sftp", true), A.Bool("ssh_terminal", true), A.Bool("ssh_x11", true),
        ]),
        .. A.Group("vnc", [A.Bool("vnc_clipcli", true), A.Bool("vnc_clipsrv", true)]),
        .. A.Timestamps(),
        A.Sys("last_login", AttrKind.Datetime, "-infinity"),
        A.Derived("accounts", AttrKind.ObjectArray, Accounts) with
        {
            InDefaultOutputWhen = static c => c.SafeAccountsInDefaultOutput,
        },
        .. A.BuiltinHidden(),
    ])
    {
        Rules = rules,
    };

    /// <summary>Accounts assigned through account-safe-listener rows: ids (seed sample) or id/name/type objects.</summary>
    private static JsonNode Accounts(DerivationContext c, StoredObject safe)
    {
        var accounts = Derive.Linked(c, safe, WireTypes.AccountSafeListener, 1, WireTypes.Account, "account_id");
        return c.Compatibility.SafeAccountsFormat == SafeAccountsFormat.IdStrings
            ? Derive.Array(accounts, a => JsonValue.Create(a.IdText))
            : Derive.Array(accounts, a => Derive.Summary(a, "name", "type"));
    }
}
