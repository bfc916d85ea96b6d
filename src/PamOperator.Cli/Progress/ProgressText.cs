using System.Globalization;

namespace PamOperator.Cli.Progress;

/// <summary>The words of progress, shared by the live display and the plain lines.</summary>
internal static class ProgressText
{
    /// <summary>What a section is doing, without the PAM's name: <c>observing 6 kinds: 1,204 objects read</c>,
    /// <c>12/40 steps</c>.</summary>
    public static string State(SectionProgress section) => section.Phase switch
    {
        ProgressPhase.Observing => $"observing {Kinds(section.KindsTotal)}: {Count(section.ObjectsRead)} objects read",
        ProgressPhase.Observed => $"observed {Count(section.ObjectsObserved)} objects in {Kinds(section.KindsTotal)}",
        ProgressPhase.ObserveFailed => "could not be observed (see the error below)",
        _ => $"{section.StepsDone}/{section.StepsTotal} steps" + (section.StepsFailed > 0 ? $", {section.StepsFailed} failed" : ""),
    };

    /// <summary>The plain line printed when a PAM's observe ends (no terminal).</summary>
    public static string ObservedLine(SectionProgress section) => section.Phase == ProgressPhase.ObserveFailed
        ? $"pamctl: PAM {section.Pam} {State(section)}"
        : $"pamctl: PAM {section.Pam}: {State(section)}";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Kinds(int count) => count == 1 ? "1 kind" : $"{count} kinds";
}
