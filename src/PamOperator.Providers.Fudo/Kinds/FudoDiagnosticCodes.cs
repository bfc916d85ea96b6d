namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>
/// The diagnostic codes only Fudo's kinds raise. They keep the numbers they had before vendors became modules
/// (codes are stable); docs/diagnostics.md explains each, and the module lists them in
/// <see cref="FudoModule.DiagnosticCodes"/> so the docs test covers them.
/// </summary>
public static class FudoDiagnosticCodes
{
    /// <summary>blocked is true but no reason is given.</summary>
    public const string BlockedWithoutReason = "PAM201";

    /// <summary>An account needs exactly one of server and pool.</summary>
    public const string ServerXorPool = "PAM202";

    /// <summary>A time-policy window ends before it starts.</summary>
    public const string TimeWindowEmpty = "PAM205";

    /// <summary>More than one time-policy window on the same day (Fudo keeps one row per day).</summary>
    public const string TimeWindowOverlap = "PAM206";

    /// <summary>A time policy is given while useTimePolicy is false.</summary>
    public const string TimePolicyUnused = "PAM207";

    /// <summary>An attribute that applies to one protocol (an SSH host key, RDP keys) is set on an object of another.</summary>
    public const string WrongProtocol = "PAM250";

    /// <summary>A listener's connection point does not fit its mode (port for bastion/proxy, interface for gateway/transparent).</summary>
    public const string ListenerMode = "PAM251";

    /// <summary>Two attributes that go together are not given together (external address and port, TLS key and TLS).</summary>
    public const string GivenTogether = "PAM252";

    /// <summary>A user's secret (password, SSH key) is given without an authentication method of its type, or a method
    /// misses what its type needs.</summary>
    public const string AuthenticationMethod = "PAM253";

    /// <summary>Two authentication methods of a user share a position, or a pool lists a server twice.</summary>
    public const string DuplicateItem = "PAM254";

    /// <summary>Every code above, for the module's registry entry.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        BlockedWithoutReason, ServerXorPool, TimeWindowEmpty, TimeWindowOverlap, TimePolicyUnused,
        WrongProtocol, ListenerMode, GivenTogether, AuthenticationMethod, DuplicateItem,
    ];
}
