namespace PamOperator.Cli.Progress;

/// <summary>
/// A snapshot of one PAM's progress: what the live display draws and the plain lines print. Counts and manifest
/// addresses only, never a value read from the PAM or a secret.
/// </summary>
public sealed record SectionProgress(string Pam)
{
    public ProgressPhase Phase { get; init; } = ProgressPhase.Observing;

    /// <summary>Types the observe asked for.</summary>
    public int KindsTotal { get; init; }

    /// <summary>Types whose count is known (the observe ended for them).</summary>
    public int KindsObserved { get; init; }

    /// <summary>Objects read so far: pages as the reader reports them, then the observed types' counts.</summary>
    public long ObjectsRead { get; init; }

    /// <summary>Objects of the observed types once the observe ended.</summary>
    public long ObjectsObserved { get; init; }

    public int StepsTotal { get; init; }

    public int StepsDone { get; init; }

    public int StepsFailed { get; init; }

    /// <summary>The address of the step written most recently started and not yet finished; null when none runs.</summary>
    public string? CurrentStep { get; init; }
}
