using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Fudo account (seed 001, AccountModel): a privileged account on a server or pool, and how it is used.</summary>
internal static class AccountKind
{
    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = FudoGroup.Group,
        Kind = "Account",
        Plural = "accounts",
        ShortNames = ["fudoaccount"],
        Vendor = FudoGroup.Vendor,
        WireType = "account",
        Description = "A Fudo account: a privileged account on a monitored server or pool, its credentials and its recording.",
        Fields =
        [
            Field.Enum("type", "type", ["regular", "forward", "anonymous"], null,
                "regular substitutes the stored credentials, forward passes the user's own, anonymous skips user authentication.")
                with { Required = true, Immutable = true },
            Field.Text("description", "description", "Free text."),
            CommonRules.Blocked,
            CommonRules.Reason,
            Field.Enum("category", "category", ["nonprivileged", "privileged"], null, "Account category."),
            Field.Reference("server", "server_id", "server", "The server the account is on (by PAM name). Exactly one of server and pool."),
            Field.Reference("pool", "pool_id", "pool", "The server pool the account is on (by PAM name). Exactly one of server and pool."),
            Field.Bool("hotseat", "hotseat", false, "Inform about existing connections through the Access Gateway (RDP servers)."),
            Field.Enum("method", "method", ["account", "passvn", "password", "sshkey"], null,
                "Authentication method; required for regular and forward accounts."),
            Field.Text("domain", "domain", "Login domain."),
            Field.Text("login", "login", "Login on the server; required for regular accounts."),
            Field.Secret("secret", "secret", "Password or private key, by reference (valueFrom). Write-only: never read back or compared."),
            Field.Secret("privateKeyPassphrase", "private_key_passphrase", "Passphrase of the private key in secret, by reference. Only with secret."),
            Field.Bool("forwardDomain", "forward_domain", false, "Forward the user's domain (forward accounts)."),
            Field.Bool("servauth", "servauth", false, "Authenticate against the server (forward accounts)."),
            Field.Reference("account", "account_id", "account",
                "The account whose credentials this one uses (by PAM name); required exactly when method is account."),
            Field.Text("passvnId", "passvn_id", "Password vault identifier; required exactly when method is passvn."),
            Field.Enum("dumpMode", "dump_mode", ["all", "none", "raw", "noraw"], "noraw", "Session recording: all, none, raw only, or all but raw."),
            Field.Bool("retentionLocked", "retention_locked", false, "Lock session retention settings."),
            Field.Int("retentionRemove", "retention_remove", null, "Retention before recorded sessions are removed, in the PAM's unit.", 1, 2147483647),
            Field.Int("retentionExternal", "retention_external", null, "Retention of recorded sessions in external storage, in the PAM's unit.", 1, 2147483647),
            Field.Bool("timestampEnabled", "timestamp_enabled", false, "Timestamp recorded sessions."),
            Field.Bool("ocrEnabled", "ocr_enabled", false, "Run OCR on recorded sessions; requires ocrLang."),
            Field.Text("ocrLang", "ocr_lang", "OCR languages joined by +, e.g. deu+eng+pol; required when ocrEnabled.", Formats.OcrLanguages),
            Field.Bool("sshAgent", "ssh_agent", false, "Use an SSH agent for authentication."),
            Field.Reference("passwordChangePolicy", "password_change_policy_id", "password_change_policy",
                "Password change policy (by PAM name). Defaults to Static (no automatic change) for regular accounts.")
                with { Default = "Static", DefaultWhen = new FieldCondition("type", ["regular"]) },
            Field.Time("passwordCheckoutTimeLimit", "password_checkout_time_limit",
                "How long a checked-out password stays valid (HH:MM:SS); required when passwordChangeOnCheckin."),
            Field.Bool("passwordChangeOnCheckin", "password_change_on_checkin", null, "Change the password after the last check-in."),
            Field.Bool("passwordChangeOnSessionEnd", "password_change_on_session_end", null, "Change the password when a session ends."),
            Field.Bool("passwordRecovery", "password_recovery", null, "Recover an unknown password to a known value when verification fails."),
            Field.DateTime("rotateSecretAfter", null, null,
                "Secret rotation: the secret is re-sent when the PAM's last password update is earlier than this instant (RFC 3339).",
                allowInfinity: false),
        ],
        Rules = AccountRules.All,
    };
}
