using PamOperator.Core.Vendors;
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

    public static CliConsole FromProcess() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsInputRedirected && !Console.IsOutputRedirected);

    /// <summary>A console for tests: captures both streams; <paramref name="input"/> is standard input.</summary>
    public static CliConsole ForTest(StringWriter output, StringWriter error, string input = "", bool interactive = false) =>
        new(output, error, new StringReader(input), interactive);
}
