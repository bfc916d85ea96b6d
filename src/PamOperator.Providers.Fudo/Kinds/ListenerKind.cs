using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Fudo listener (ListenerModel, API v2 "Listeners"): the gateway users connect through, in one mode, with its
/// own keys. Private keys and their passphrase are write-only secrets by reference.</summary>
internal static class ListenerKind
{
    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = FudoGroup.Group,
        Kind = "Listener",
        Plural = "listeners",
        ShortNames = ["fudolistener"],
        Vendor = FudoGroup.Vendor,
        WireType = "listener",
        Description = "A Fudo listener: where users connect (mode, address or interface, port) and the keys it presents.",
        Fields =
        [
            Field.Enum("protocol", "protocol", ServerKind.Protocols, null, "The protocol the listener serves. Immutable: a change replaces the listener.")
                with { Required = true, Immutable = true },
            Field.Enum("mode", "mode", ["bastion", "gateway", "proxy", "transparent"], null, "How users reach servers through the listener.")
                with { Required = true },
            CommonRules.Blocked,
            CommonRules.Reason,
            Field.Text("announcement", "announcement", "Text shown to users when they connect."),
            Field.Text("listenInterface", "listen_interface", "Network interface for user connections (gateway and transparent modes)."),
            Field.Text("listenIp", "listen_ip", "IP address for user connections (bastion and proxy modes).") with { Default = "0.0.0.0" },
            Field.Int("listenPort", "listen_port", null, "Port for user connections (bastion and proxy modes).", 1, 60000),
            Field.Text("externalAddress", "external_address", "Address the Access Gateway presents; together with externalPort."),
            Field.Int("externalPort", "external_port", null, "Port the Access Gateway presents; together with externalAddress.", 1, 65535),
            Field.Bool("ignoreCase", "ignore_case", false, "Ignore the case of user names (ssh and vnc)."),
            Field.Bool("legacyCrypto", "legacy_crypto", false, "Allow legacy cryptographic protocols and settings."),
            Field.Bool("httpRender", "http_render", true, "Render HTTP(S) sessions graphically (http)."),
            Field.Secret("sshPrivateKey", "ssh_private_key", "The SSH host key the listener presents (ssh), by reference. Write-only."),
            Field.Text("sshPublicKey", "ssh_public_key", "The public half of the SSH host key (ssh)."),
            Field.Secret("rdpPrivateKey", "rdp_private_key", "The RDP private key (rdp without TLS), by reference. Write-only."),
            Field.Text("rdpPublicKey", "rdp_public_key", "The RDP public key (rdp without TLS)."),
            Field.Bool("tlsEnabled", "tls_enabled", false, "Serve users over TLS (http, rdp)."),
            Field.Text("tlsCertificate", "tls_certificate", "The TLS certificate (PEM) the listener presents; with tlsEnabled."),
            Field.Secret("tlsPrivateKey", "tls_private_key", "The TLS certificate's private key, by reference; with tlsEnabled. Write-only."),
            Field.Secret("privateKeyPassphrase", "private_key_passphrase", "Passphrase of the private key given here, by reference. Write-only."),
        ],
        Rules =
        [
            CommonRules.ReasonWhenBlocked,
            new(FudoDiagnosticCodes.ListenerMode,
                "!has(self.mode) || !(self.mode == 'bastion' || self.mode == 'proxy') || (has(self.listenPort) && !has(self.listenInterface))",
                "bastion and proxy listeners take listenPort, not listenInterface",
                "Set spec.listenPort (and optionally listenIp); remove spec.listenInterface.",
                ".mode"),
            new(FudoDiagnosticCodes.ListenerMode,
                "!has(self.mode) || !(self.mode == 'gateway' || self.mode == 'transparent') || (has(self.listenInterface) && !has(self.listenPort))",
                "gateway and transparent listeners take listenInterface, not listenPort",
                "Set spec.listenInterface (e.g. net0); remove spec.listenPort.",
                ".mode"),
            new(FudoDiagnosticCodes.GivenTogether,
                "has(self.externalAddress) == has(self.externalPort)",
                "externalAddress and externalPort are given together",
                "Set both spec.externalAddress and spec.externalPort, or neither.",
                ".externalAddress"),
            new(FudoDiagnosticCodes.WrongProtocol,
                "(!has(self.sshPrivateKey) && !has(self.sshPublicKey)) || (has(self.protocol) && self.protocol == 'ssh')",
                "sshPrivateKey and sshPublicKey apply only to ssh listeners",
                "Remove the SSH keys, or set spec.protocol: ssh.",
                ".sshPrivateKey") { Reason = "FieldValueForbidden" },
            new(FudoDiagnosticCodes.WrongProtocol,
                "(!has(self.rdpPrivateKey) && !has(self.rdpPublicKey)) || (has(self.protocol) && self.protocol == 'rdp')",
                "rdpPrivateKey and rdpPublicKey apply only to rdp listeners",
                "Remove the RDP keys, or set spec.protocol: rdp.",
                ".rdpPrivateKey") { Reason = "FieldValueForbidden" },
            new(FudoDiagnosticCodes.GivenTogether,
                "(!has(self.tlsPrivateKey) && !has(self.tlsCertificate)) || (has(self.tlsEnabled) && self.tlsEnabled)",
                "tlsPrivateKey and tlsCertificate need tlsEnabled: true",
                "Set spec.tlsEnabled: true, or remove the TLS certificate and key.",
                ".tlsEnabled"),
            new(FudoDiagnosticCodes.GivenTogether,
                "!has(self.privateKeyPassphrase) || has(self.sshPrivateKey) || has(self.rdpPrivateKey) || has(self.tlsPrivateKey)",
                "privateKeyPassphrase is only allowed together with a private key",
                "Add the private key it decrypts (sshPrivateKey, rdpPrivateKey or tlsPrivateKey), or remove privateKeyPassphrase.",
                ".privateKeyPassphrase"),
        ],
    };
}
