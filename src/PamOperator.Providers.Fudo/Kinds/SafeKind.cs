using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Fudo safe (seed 000, SafeModel): what users may do with the accounts the safe holds.</summary>
internal static class SafeKind
{
    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = FudoGroup.Group,
        Kind = "Safe",
        Plural = "safes",
        ShortNames = ["fudosafe"],
        Vendor = FudoGroup.Vendor,
        WireType = "safe",
        Description = "A Fudo safe: which protocol features, policies and approvals apply when users reach the accounts it holds.",
        Fields =
        [
            CommonRules.Blocked,
            CommonRules.Reason,
            Field.Bool("loginReason", "login_reason", false, "Users must give a reason when they connect."),
            Field.Bool("useTicketingSystem", "use_ticketing_system", false, "Connections are checked against the ticketing system."),
            Field.Bool("requireConfirmation", "require_confirmation", false, "Each connection waits for an operator's confirmation."),
            Field.Bool("otpInAccessGateway", "otp_in_access_gateway", true, "Generate one-time passwords in the Access Gateway."),
            Field.Bool("webclient", "webclient", true, "Allow connecting to sessions in the browser."),
            Field.Int("confirmationTimeout", "confirmation_timeout", 5, "How long a connection waits for confirmation."),
            Field.Int("inactivityLimit", "inactivity_limit", 0, "Idle time after which a session ends; 0 = no limit."),
            Field.Int("timeLimit", "time_limit", 0, "Maximum session length; 0 = no limit."),
            Field.Enum("noteAccess", "note_access", ["none", "read", "write"], "none", "Access level to session notes."),
            Field.Int("requiredVotes", "required_votes", 0, "How many approvers must vote for an access request (just-in-time access)."),
            Field.Text("backupId", "backup_id", "Target destination ID for storing session data."),
            Field.Object("rdp", "RDP features (Fudo's flat rdp_* attributes).", RdpMembers()),
            Field.Object("ssh", "SSH features (Fudo's flat ssh_* attributes).", SshMembers()),
            Field.Object("vnc", "VNC features (Fudo's flat vnc_* attributes).", FlagsDefaultTrueVnc()),
        ],
        Rules = [CommonRules.ReasonWhenBlocked],
    };

    private static FieldDescriptor[] RdpMembers() =>
    [
        .. Field.FlagsDefaultTrue(
            "rdp",
            ("audin", "audin", "Audio input redirection."),
            ("cliprdr", "cliprdr", "Clipboard redirection."),
            ("rdpdr", "rdpdr", "Device redirection."),
            ("rdpsnd", "rdpsnd", "Sound redirection."),
            ("rdrynvc", "rdrynvc", "Dynamic virtual channels."),
            ("suspend", "suspend", "Hide session content when the user minimizes the client."),
            ("tsmf", "tsmf", "Multimedia redirection.")),
        Field.Int("depth", "rdp_depth", null, "Maximum colour depth."),
        Field.Text("resolution", "rdp_resolution", "Maximum resolution, e.g. 1920x1080."),
    ];

    private static FieldDescriptor[] SshMembers() =>
        Field.FlagsDefaultTrue(
            "ssh",
            ("agent", "agent", "SSH agent forwarding."),
            ("environment", "environment", "Passing environment variables."),
            ("exec", "exec", "Remote command execution."),
            ("portForwarding", "port_forwarding", "Port forwarding."),
            ("scp", "scp", "File transfer with scp."),
            ("session", "session", "Session channel."),
            ("shell", "shell", "Interactive shell."),
            ("sftp", "sftp", "File transfer with sftp."),
            ("terminal", "terminal", "Terminal (pty) allocation."),
            ("x11", "x11", "X11 forwarding."));

    private static FieldDescriptor[] FlagsDefaultTrueVnc() =>
        Field.FlagsDefaultTrue(
            "vnc",
            ("clipcli", "clipcli", "Paste from the user's computer into the VNC server."),
            ("clipsrv", "clipsrv", "Copy from the VNC server to the user's computer."));
}
