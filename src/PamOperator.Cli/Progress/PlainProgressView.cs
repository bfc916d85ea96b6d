namespace PamOperator.Cli.Progress;

/// <summary>
/// Progress without a terminal (CI, redirected stderr, NO_COLOR, TERM=dumb): one line on stderr per PAM when its observe
/// ends (<c>pamctl: PAM prod: observed 1,204 objects in 6 kinds</c>) or fails. Nothing for apply: its per-step lines on
/// stdout already tell the progress, as terraform's do.
/// </summary>
internal sealed class PlainProgressView(TextWriter error)
{
    private readonly Lock _gate = new();

    /// <summary>Called after every change (from the engine's threads); prints when a PAM's observe has just ended.</summary>
    public void Show(SectionProgress section)
    {
        if (section.Phase is ProgressPhase.ObserveFailed || (section.Phase == ProgressPhase.Observed && section.KindsObserved == section.KindsTotal))
        {
            lock (_gate)
            {
                error.WriteLine(ProgressText.ObservedLine(section));
            }
        }
    }
}
