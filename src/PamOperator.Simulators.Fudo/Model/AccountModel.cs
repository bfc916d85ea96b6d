namespace PamOperator.Simulators.Fudo.Model;

/// <summary>AccountModel (seed 001). Conditional requirements are enforced by the account rules.</summary>
internal static class AccountModel
{
    public static ModelSchema Create(IModelRules rules) => new(WireTypes.Account,
    [
        A.Id(), A.Name(), A.Str("description"), A.Absent("note", AttrKind.String),
        A.Bool("blocked", false), A.Str("reason") with { Condition = "blocked == true" },
        A.Enum("type", null, "regular", "forward", "anonymous") with { Required = true, Immutable = true },
        A.Enum("category", null, "nonprivileged", "privileged"),
        A.Derived("protocol", AttrKind.String, AccountDerivations.Protocol),
        A.Ref("server_id", WireTypes.Server) with { Condition = "pool_id == null" },
        A.Derived("server_name", AttrKind.String, Derive.NameOf(WireTypes.Server, "server_id")),
        A.Derived("server_address", AttrKind.String, Derive.AttributeOf(WireTypes.Server, "server_id", "address")),
        A.Derived("server_mask", AttrKind.Number, Derive.AttributeOf(WireTypes.Server, "server_id", "mask")),
        A.Derived("server_port", AttrKind.Number, Derive.AttributeOf(WireTypes.Server, "server_id", "port")),
        A.Ref("pool_id", WireTypes.Pool) with { Condition = "server_id == null" },
        A.Derived("pool_name", AttrKind.String, Derive.NameOf(WireTypes.Pool, "pool_id")),
        A.Bool("hotseat", false) with { Condition = "type == regular" },
        A.Enum("method", null, "account", "passvn", "password", "sshkey") with { Condition = "type == regular || type == forward" },
        A.Str("domain") with { MayBeEmpty = true, Condition = "type == regular || type == forward" },
        A.Str("login") with { MayBeEmpty = true, Condition = "type == regular" },
        A.Str("secret") with { Protected = true, MayBeEmpty = true },
        A.Str("private_key_passphrase") with { Protected = true, MayBeEmpty = true, Condition = "secret" },
        A.Absent("ssh_public_key", AttrKind.String), A.Absent("ssh_fingerprint_sha256", AttrKind.String),
        A.Bool("forward_domain", false) with { Condition = "type == forward" },
        A.Bool("servauth", false) with { Condition = "type == forward" },
        A.Ref("account_id", WireTypes.Account) with { Condition = "method == account" },
        A.Ref("passvn_id", null) with { Condition = "method == passvn" },
        A.Absent("passvn_name", AttrKind.String),
        A.Enum("dump_mode", "noraw", "all", "none", "raw", "noraw"),
        A.Bool("retention_locked", false),
        A.Num("retention_remove") with { Minimum = 1, Maximum = int.MaxValue },
        A.Num("retention_external") with { Minimum = 1, Maximum = int.MaxValue },
        A.Bool("timestamp_enabled", false), A.Bool("ocr_enabled", false),
        A.Enum("ocr_lang", null, "eng", "pol", "deu", "hun", "nor", "rus", "ukr") with
        {
            EnumSeparator = '+', Condition = "ocr_enabled == true",
        },
        A.Bool("ssh_agent", false),
        A.Sys("password_lastupdate", AttrKind.Datetime), A.Sys("password_lastcheck", AttrKind.Datetime),
        A.Ref("password_change_policy_id", WireTypes.PasswordChangePolicy) with { Condition = "type == regular" },
        A.Derived("password_change_policy_name", AttrKind.String,
            Derive.NameOf(WireTypes.PasswordChangePolicy, "password_change_policy_id")),
        A.Time("password_checkout_time_limit") with { Condition = "password_change_on_checkin == true" },
        A.Bool("password_change_on_checkin"), A.Bool("password_change_on_session_end"),
        A.Derived("password_change_trigger_pending", AttrKind.Boolean, Derive.Constant(false)),
        A.Derived("password_change_trigger_available", AttrKind.Boolean, AccountDerivations.TriggerAvailable),
        A.Bool("password_recovery"),
        .. A.Timestamps(),
        A.Sys("last_login", AttrKind.Datetime, "-infinity", expensive: true),
        A.Derived("safes", AttrKind.ObjectArray, AccountDerivations.Safes),
        A.Derived("safes_ids", AttrKind.StringArray, AccountDerivations.SafeIds, hidden: true),
        A.Derived("safe_names", AttrKind.StringArray, AccountDerivations.SafeNames, hidden: true),
        A.Derived("servers", AttrKind.ObjectArray, AccountDerivations.Servers),
        A.Derived("servers_ids", AttrKind.StringArray, AccountDerivations.ServerIds, hidden: true),
        A.Derived("servers_names", AttrKind.StringArray, AccountDerivations.ServerNames, hidden: true),
        .. A.BuiltinHidden(),
        A.Derived("state", AttrKind.String, Derive.Constant("created")) with
        {
            Enum = ["created", "discovered", "onboarded", "quarantined"],
        },
        A.Absent("discovered_at", AttrKind.String), A.Absent("onboarded_at", AttrKind.String),
        A.Absent("onboarded_by_id", AttrKind.Id), A.Absent("onboarded_by_name", AttrKind.String),
        A.Absent("quarantined_at", AttrKind.String), A.Absent("quarantined_by_id", AttrKind.Id),
        A.Absent("quarantined_by_name", AttrKind.String), A.Absent("quarantine_reason", AttrKind.String),
        A.Absent("scanner_id", AttrKind.Id), A.Absent("scanner_name", AttrKind.String),
        A.Derived("secret_exposed", AttrKind.Boolean, Derive.Constant(false)),
    ])
    {
        Rules = rules,
    };
}
