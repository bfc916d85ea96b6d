namespace PamOperator.Cli;

/// <summary>
/// The process's standard streams, behind a seam so that commands run in-process in tests (after Spectre's TestConsole).
/// Commands write results to <see cref="Out"/>, and progress, notices and diagnostics to <see cref="Error"/>.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, bool IsInteractive)
{
    public static CliConsole FromProcess() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsInputRedirected && !Console.IsOutputRedirected);

    /// <summary>A console for tests: captures both streams; <paramref name="input"/> is standard input.</summary>
    public static CliConsole ForTest(StringWriter output, StringWriter error, string input = "", bool interactive = false) =>
        new(output, error, new StringReader(input), interactive);
}
