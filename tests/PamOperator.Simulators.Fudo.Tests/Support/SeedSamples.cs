namespace PamOperator.Simulators.Fudo.Tests.Support;

/// <summary>
/// Response samples copied from the seed documents (000: safes, 001: accounts), annotations removed, and the model
/// tables' attribute names, so the conformance tests run without the seed files.
/// </summary>
public static class SeedSamples
{
    public const string SafeListItem = """
        {"id": "123678819172646913", "name": "main", "blocked": false, "login_reason": false, "use_ticketing_system": false,
         "require_confirmation": false, "otp_in_access_gateway": true, "webclient": true, "confirmation_timeout": 5,
         "inactivity_limit": 0, "time_limit": 0, "note_access": "none", "required_votes": 0, "rdp_audin": true,
         "rdp_cliprdr": true, "rdp_rdpdr": true, "rdp_rdpsnd": true, "rdp_rdrynvc": true, "rdp_suspend": true, "rdp_tsmf": true,
         "ssh_agent": true, "ssh_environment": true, "ssh_exec": true, "ssh_port_forwarding": true, "ssh_scp": true,
         "ssh_session": true, "ssh_shell": true, "ssh_sftp": true, "ssh_terminal": true, "ssh_x11": true, "vnc_clipcli": true,
         "vnc_clipsrv": true, "created_at": "2022-10-20 02:01:38.366865-07", "modified_at": "2022-10-26 03:26:45.530129-07",
         "last_login": "-infinity",
         "accounts": ["122678819172646913", "1232678819172646914", "1232678819172646919"]}
        """;

    public const string SafeCreated = """{ "result": "success", "safe": { "id": "1232678819172646915" }}""";

    public const string SafeGet = """
        { "result": "success", "safe": {
            "id": "1232678819172646915", "name": "my-1st-safe", "blocked": false, "login_reason": false,
            "use_ticketing_system": false, "require_confirmation": false, "otp_in_access_gateway": true, "webclient": true,
            "confirmation_timeout": 5, "inactivity_limit": 0, "time_limit": 0, "note_access": "none", "required_votes": 0,
            "rdp_audin": true, "rdp_cliprdr": true, "rdp_rdpdr": true, "rdp_rdpsnd": true, "rdp_rdrynvc": true,
            "rdp_suspend": true, "rdp_tsmf": true, "ssh_agent": true, "ssh_environment": true, "ssh_exec": true,
            "ssh_port_forwarding": true, "ssh_scp": true, "ssh_session": true, "ssh_shell": true, "ssh_sftp": true,
            "ssh_terminal": true, "ssh_x11": true, "vnc_clipcli": true, "vnc_clipsrv": true,
            "created_at": "2022-10-27 02:26:22.951762-07", "modified_at": "2022-10-27 02:26:22.951762-07",
            "last_login": "-infinity" }}
        """;

    public const string Success = """{ "result": "success" }""";

    public const string TimePolicyList = """
        { "result": "success", "user_safe_time_policy": [
            { "id": "4602678819172646913", "safe_id": "4602678819172646913", "user_id": "1232678819172646915",
              "day_of_week": 2, "valid_from": "09:00:00", "valid_to": "14:00:00",
              "created_at": "2022-10-26 02:25:19.155648-07", "modified_at": "2022-10-26 02:30:40.677788-07" },
            { "id": "4602678819172646914", "safe_id": "4602678819172646913", "user_id": "1232678819172646915",
              "day_of_week": 3, "valid_from": "09:15:00", "valid_to": "14:15:00",
              "created_at": "2022-10-26 02:32:11.781045-07", "modified_at": "2022-10-26 02:32:11.781045-07" }]}
        """;

    public const string AccountSafeListenerCreated = """{ "result": "success", "account_safe_listener": {} }""";

    public const string AccountCreated = """{ "result": "success", "account": { "id": "1234567890123456" } }""";

    public static readonly IReadOnlyDictionary<string, string[]> ModelAttributes = new Dictionary<string, string[]>
    {
        ["safe"] =
        [
            "id", "name", "blocked", "reason", "login_reason", "use_ticketing_system", "require_confirmation",
            "otp_in_access_gateway", "webclient", "confirmation_timeout", "inactivity_limit", "time_limit", "note_access",
            "required_votes", "backup_id", "rdp_audin", "rdp_cliprdr", "rdp_depth", "rdp_rdpdr", "rdp_rdpsnd", "rdp_rdrynvc",
            "rdp_resolution", "rdp_suspend", "rdp_tsmf", "ssh_agent", "ssh_environment", "ssh_exec", "ssh_port_forwarding",
            "ssh_scp", "ssh_session", "ssh_shell", "ssh_sftp", "ssh_terminal", "ssh_x11", "vnc_clipcli", "vnc_clipsrv",
            "created_at", "modified_at", "removed", "last_login", "accounts", "builtin", "hidden",
        ],
        ["user_safe"] =
        [
            "id", "user_id", "safe_id", "blocked", "position", "password_visible", "use_time_policy", "valid_since", "valid_to",
            "user_name", "safe_name", "created_at", "modified_at", "removed", "builtin", "hidden",
        ],
        ["user_safe_time_policy"] =
        [
            "id", "user_safe_id", "user_id", "safe_id", "day_of_week", "valid_from", "valid_to", "created_at", "modified_at",
            "removed",
        ],
        ["account_safe_listener"] =
        [
            "id", "account_id", "safe_id", "listener_id", "account_name", "account_type", "protocol", "server_id",
            "server_name", "pool_id", "pool_name", "safe_name", "listener_name", "created_at", "modified_at", "removed",
            "builtin", "hidden",
        ],
        ["safe_grant"] =
        [
            "id", "to_user_id", "for_safe_id", "for_safe_name", "to_user_name", "to_user_role", "created_at", "modified_at",
            "removed",
        ],
        ["account_grant"] =
        [
            "id", "to_user_id", "for_account_id", "for_account_name", "to_user_name", "to_user_role", "created_at",
            "modified_at", "removed",
        ],
        ["account"] =
        [
            "id", "name", "description", "note", "blocked", "reason", "type", "category", "protocol", "server_id",
            "server_name", "server_address", "server_mask", "server_port", "pool_id", "pool_name", "hotseat", "method",
            "domain", "login", "secret", "private_key_passphrase", "ssh_public_key", "ssh_fingerprint_sha256",
            "forward_domain", "servauth", "account_id", "passvn_id", "passvn_name", "dump_mode", "retention_locked",
            "retention_remove", "retention_external", "timestamp_enabled", "ocr_enabled", "ocr_lang", "ssh_agent",
            "password_lastupdate", "password_lastcheck", "password_change_policy_id", "password_change_policy_name",
            "password_checkout_time_limit", "password_change_on_checkin", "password_change_on_session_end",
            "password_change_trigger_pending", "password_change_trigger_available", "password_recovery", "created_at",
            "modified_at", "removed", "last_login", "safes", "safes_ids", "safe_names", "servers", "servers_ids",
            "servers_names", "builtin", "hidden", "state", "discovered_at", "onboarded_at", "onboarded_by_id",
            "onboarded_by_name", "quarantined_at", "quarantined_by_id", "quarantined_by_name", "quarantine_reason",
            "scanner_id", "scanner_name", "secret_exposed",
        ],
    };
}
