namespace PamOperator.Providers.Sps.Kinds;

/// <summary>
/// The diagnostic codes only SPS raises (docs/diagnostics.md explains each): PAM260-269 for its kinds' rules,
/// PAM530-539 at run time. Run-time codes open the message of the failure they name, so they reach the apply report,
/// the operator's status and its events unchanged.
/// </summary>
public static class SpsDiagnosticCodes
{
    /// <summary>A usergroup lists the same user twice.</summary>
    public const string MemberListedTwice = "PAM260";

    /// <summary>A write or the commit failed: the transaction was rolled back, nothing changed.</summary>
    public const string RolledBack = "PAM530";

    /// <summary>Another session holds the configuration lock (its open transaction); it was not touched.</summary>
    public const string LockedByOther = "PAM531";

    /// <summary>The session ended while our transaction was open (expired or logged off): SPS rolled it back.</summary>
    public const string SessionEnded = "PAM532";

    /// <summary>The commit's answer was lost: SPS applied all of it or none of it; plan shows which.</summary>
    public const string CommitUnknown = "PAM533";

    /// <summary>Every code above, for the module's registry entry.</summary>
    public static IReadOnlyList<string> All { get; } = [MemberListedTwice, RolledBack, LockedByOther, SessionEnded, CommitUnknown];
}
