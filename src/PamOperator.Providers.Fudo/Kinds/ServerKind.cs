using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Fudo server (ServerModel, API v2 "Servers"; pam-apis.md 1.5): the target users reach, by address, port and
/// protocol, with the protocol's own settings.</summary>
internal static class ServerKind
{
    public static readonly string[] Protocols =
        ["http", "modbus", "mysql", "rdp", "ssh", "system", "tcp", "tds", "telnet", "tn3270", "tn5250", "vnc"];

    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = FudoGroup.Group,
        Kind = "Server",
        Plural = "servers",
        ShortNames = ["fudoserver"],
        Vendor = FudoGroup.Vendor,
        WireType = "server",
        Description = "A Fudo server: a monitored host reached over one protocol at an address and port.",
        Fields =
        [
            Field.Enum("protocol", "protocol", Protocols, null, "The protocol users reach the server with. Immutable: a change replaces the server.")
                with { Required = true, Immutable = true },
            Field.Text("address", "address", "IP address (unique together with mask and port).") with { Required = true },
            Field.Int("port", "port", null, "Port number.", 1, 65535) with { Required = true },
            Field.Int("mask", "mask", 32, "Network mask length (0-128); 32 = one host.", 0, 128),
            Field.Text("description", "description", "Free text."),
            CommonRules.Blocked,
            CommonRules.Reason,
            Field.Text("bindIp", "bind_ip", "Source address Fudo connects from: an IP address or fudo:label:<name>."),
            Field.Bool("legacyCrypto", "legacy_crypto", false, "Allow legacy cryptographic protocols and settings."),
            Field.Text("sshPublicKey", "ssh_public_key", "The server's SSH host key (ssh servers), checked when Fudo connects."),
            Field.Object("http", "HTTP settings (Fudo's flat http_* attributes), for http servers.",
                Field.Text("host", "http_host", "HTTP Host header value."),
                Field.Int("timeout", "http_timeout", null, "Seconds of inactivity after which the user authenticates again.", 1, 2147483647),
                Field.Bool("authentication", "http_authentication", null, "Fudo signs the user in to the web application."),
                Field.Text("authenticationMethod", "http_authentication_method", "Predefined sign-in method (e.g. HTTP Authentication)."),
                Field.Text("usernameElement", "http_username_element", "Login page: the user name element."),
                Field.Text("passwordElement", "http_password_element", "Login page: the password element."),
                Field.Text("signonRealm", "http_signon_realm", "Sign-on realm.")),
            Field.Object("rdp", "RDP settings (Fudo's flat rdp_* attributes).",
                Field.Bool("nlaEnabled", "rdp_nla_enabled", null, "Network Level Authentication towards the server.")),
            Field.Object("tls", "TLS settings (Fudo's flat tls_* attributes).",
                Field.Bool("enabled", "tls_enabled", null, "Connect to the server over TLS.")),
        ],
        Rules =
        [
            CommonRules.ReasonWhenBlocked,
            new(FudoDiagnosticCodes.WrongProtocol,
                "!has(self.sshPublicKey) || (has(self.protocol) && self.protocol == 'ssh')",
                "sshPublicKey applies only to ssh servers",
                "Remove spec.sshPublicKey, or set spec.protocol: ssh.",
                ".sshPublicKey") { Reason = "FieldValueForbidden" },
        ],
    };
}
