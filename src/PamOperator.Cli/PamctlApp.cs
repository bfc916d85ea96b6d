using System.CommandLine;
using PamOperator.Cli.Commands;
using PamOperator.Cli.Progress;
using PamOperator.Core;

namespace PamOperator.Cli;

/// <summary>Builds the <c>pamctl</c> command tree and runs it. Each verb lives in its own file under Commands/.</summary>
public static class PamctlApp
{
    /// <summary>Runs one invocation; returns an exit code from <see cref="ExitCodes"/>. Never throws for user mistakes.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        // Redaction at the edge: whatever reaches stdout or stderr (diagnostics, a PAM's echoed error body, exception
        // messages) passes through the run's redactor, which every resolved secret is registered with.
        // Below the redactor, a gate keeps the live progress display (on a terminal) and the streams from overwriting
        // each other; the display itself writes to stderr through the redactor too.
        var gate = new OutputGate();
        await using var output = new RedactingTextWriter(new GatedTextWriter(console.Out, gate), console.Redactor);
        await using var error = new RedactingTextWriter(new GatedTextWriter(console.Error, gate), console.Redactor);
        var progress = console.LiveProgress is { } live
            ? RunProgress.Live(live(new RedactingTextWriter(console.Error, console.Redactor)), gate)
            : RunProgress.Plain(error);
        console = console with { Out = output, Error = error, Progress = progress };
        var root = new RootCommand("pamctl: Privileged Access Management configuration as code.\n\n"
            + "Workflow: validate -> plan -> apply (import adopts an existing PAM). `pamctl help VERB` or `pamctl VERB --help` for details.");
        foreach (var command in Verbs(console))
        {
            root.Subcommands.Add(command);
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            // Unexpected exceptions are handled by CommandRunner (no stack trace for users).
            EnableDefaultExceptionHandler = false,
        };
        root.Subcommands.Add(HelpCommand(root, configuration));
        return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>The verbs in workflow order: what a user runs first comes first in <c>--help</c>.</summary>
    private static IEnumerable<Command> Verbs(CliConsole console)
    {
        yield return ValidateCommand.Create(console);
        yield return PlanCommand.Create(console);
        yield return ApplyCommand.Create(console);
        yield return ShowCommand.Create(console);
        yield return ListCommand.Create(console);
        yield return ImportCommand.Create(console);
        yield return SimulatorCommand.Create(console);
        yield return CrdsCommand.Create(console);
        yield return OperatorCommand.Create(console);
        yield return VersionCommand.Create(console);
    }

    /// <summary><c>pamctl help [VERB]</c>: the same text as <c>pamctl [VERB] --help</c>.</summary>
    private static Command HelpCommand(RootCommand root, InvocationConfiguration configuration)
    {
        var verb = new Argument<string?>("VERB") { Description = "The verb to explain (default: the overview).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("help", "Show help for pamctl or one verb.\n\nExamples:\n  pamctl help\n  pamctl help plan") { verb };
        command.SetAction((parse, ct) =>
            root.Parse(parse.GetValue(verb) is { } name ? [name, "--help"] : ["--help"]).InvokeAsync(configuration, ct));
        return command;
    }
}
