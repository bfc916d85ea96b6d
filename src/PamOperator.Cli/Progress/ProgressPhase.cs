namespace PamOperator.Cli.Progress;

/// <summary>Where one PAM's section of a run stands.</summary>
public enum ProgressPhase
{
    /// <summary>List calls are running.</summary>
    Observing,

    /// <summary>Every type was observed (and, for plan, planned).</summary>
    Observed,

    /// <summary>The PAM could not be observed (its diagnostic follows the display).</summary>
    ObserveFailed,

    /// <summary>Steps are being written.</summary>
    Applying,

    /// <summary>Every step finished (succeeded, failed or skipped).</summary>
    Applied,
}
