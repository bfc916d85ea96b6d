using PamOperator.Cli.Progress;
using PamOperator.Core.Vendors;
using Spectre.Console;
using PamOperator.Manifests.Kinds;
using PamOperator.Vendors;

namespace PamOperator.Cli;

/// <summary>
/// The process's surroundings behind one seam, so that commands run in-process in tests, in parallel (after
/// Spectre's TestConsole): standard streams, whether a person is at a terminal, the working directory (where
/// <c>.pamctl/</c> lives) and environment variables (where secrets come from). Commands write results to
/// <see cref="Out"/>, and progress notices and diagnostics to <see cref="Error"/>.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, bool IsInteractive)
{
    /// <summary>Directory for relative state (<c>.pamctl/</c>). Default: the process's current directory.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Environment lookup (secrets, NO_COLOR). Default: the process environment.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The kinds of the vendors this process knows (default: <see cref="BuiltInVendors"/>); tests add a
    /// vendor module here exactly as a new vendor's registration line would.</summary>
    public KindCatalog Catalog { get; init; } = DefaultCatalog;

    /// <summary>The registry behind <see cref="Catalog"/>.</summary>
    public VendorRegistry Vendors => Catalog.Registry;

    private static KindCatalog DefaultCatalog { get; } = new(BuiltInVendors.Registry);

    /// <summary>Every secret this run resolved; <see cref="PamctlApp"/> passes <see cref="Out"/> and <see cref="Error"/>
    /// through it, and files pamctl writes (journal, plan file) use it too.</summary>
    public Core.Security.SecretRedactor Redactor { get; init; } = new();

    /// <summary>Makes the console the live progress display draws on from the stderr writer it is given (already
    /// passed through the redactor); null (default): no terminal on stderr, so progress is printed as plain lines.</summary>
    public Func<TextWriter, IAnsiConsole>? LiveProgress { get; init; }

    /// <summary>This invocation's progress (set by <see cref="PamctlApp"/>); <see cref="RunProgress.Silent"/> otherwise.</summary>
    public RunProgress Progress { get; init; } = RunProgress.Silent;

    public static CliConsole FromProcess() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsInputRedirected && !Console.IsOutputRedirected)
        {
            LiveProgress = StderrIsLiveTerminal(System.Environment.GetEnvironmentVariable) ? TerminalConsole : null,
        };

    /// <summary>Whether stderr is a terminal that can take a live display: not redirected, and neither NO_COLOR nor
    /// TERM=dumb nor CI set (the same signals that turn colour off).</summary>
    internal static bool StderrIsLiveTerminal(Func<string, string?> environment) =>
        !Console.IsErrorRedirected
        && environment("NO_COLOR") is null
        && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal)
        && string.IsNullOrEmpty(environment("CI"));

    private static IAnsiConsole TerminalConsole(TextWriter stderr)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            // Decided above: the writer is the redactor around stderr, which Spectre cannot recognise as a terminal.
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
        });
        var columns = 0;
        try
        {
            columns = Console.WindowWidth;
        }
        catch (IOException)
        {
            // No window size to read: 80 columns, as Spectre assumes.
        }

        console.Profile.Width = columns > 0 ? columns : 80;

        return console;
    }

    /// <summary>A console for tests: captures both streams; <paramref name="input"/> is standard input.</summary>
    public static CliConsole ForTest(StringWriter output, StringWriter error, string input = "", bool interactive = false) =>
        new(output, error, new StringReader(input), interactive);
}
