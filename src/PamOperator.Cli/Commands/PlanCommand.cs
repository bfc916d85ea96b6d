using System.CommandLine;
using PamOperator.Cli.Workflows;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Views;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Commands;

/// <summary>
/// <c>pamctl plan -f PATH...</c>: what apply would do, as text, JSON or markdown; optionally saved with <c>--out</c>.
/// Never writes to the PAM. JSON and markdown are written on every run, errors included (then with the diagnostics
/// and <c>errored</c>). Exit 0, or 1 on any error; with <c>--detailed-exitcode</c>, 2 when there are changes to apply
/// (drift on observe-only objects alone is not a change: apply would do nothing about it).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var files = CommonOptions.Files();
        var output = new Option<string>("--output", "-o") { Description = "text, json or markdown (a pull-request comment, at most 65,536 characters).", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json", "markdown");
        var outFile = new Option<string?>("--out") { Description = "Save the plan to FILE for `pamctl apply FILE` (no secret is written; missing directories are created)." };
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 2 when the plan has changes to apply, 0 when none (drift on observe-only objects alone is 0), 1 on error." };
        var prune = CommonOptions.Prune();
        var prefixes = CommonOptions.PruneNamePrefix();
        var maxDeletes = CommonOptions.MaxDeletes();
        var embedded = CommonOptions.Embedded();
        var noColor = CommonOptions.NoColor();
        var target = CommonOptions.Target();
        var selector = CommonOptions.Selector();
        var command = new Command("plan", HelpText.Of("Show what apply would change in the PAM, without changing anything.",
            "pamctl plan -f manifests/",
            "pamctl plan -f manifests/ --detailed-exitcode --out plan.bin --output markdown > plan.md   # CI: 0 none, 2 changes, 1 error",
            "pamctl plan -f examples/ --embedded   # against the embedded simulator",
            "pamctl plan -f manifests/ --target Account/db01-root --target Safe/prod-db   # these and what they reference",
            "pamctl plan -f manifests/ -l team=db,env!=test   # the objects whose labels match"))
        {
            files, output, outFile, detailed, prune, prefixes, maxDeletes, embedded, noColor, target, selector,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, async () =>
        {
            var format = parse.GetValue(output)!;
            var problems = CommonOptions.OutOfRange(parse, (maxDeletes, 0, CommonOptions.MaxDeletesLimit));
            if (problems.Count > 0)
            {
                return await FailAsync(console, problems, format);
            }

            var inputs = new PlanInputs(parse.GetValue(files)!, parse.GetValue(prune), parse.GetValue(prefixes), parse.GetValue(maxDeletes), parse.GetValue(embedded),
                parse.GetValue(target), parse.GetValue(selector));
            var workflow = new PlanWorkflow(console);
            await using var run = await workflow.RunAsync(inputs, ct);
            if (run is null)
            {
                await console.Out.WriteAsync(RunPlanView.RenderFailure(workflow.Reported, format));
                return ExitCodes.Error;
            }

            var saveTo = parse.GetValue(outFile);
            var view = new PlanViewOptions
            {
                Color = Color(console, parse.GetValue(noColor)),
                InputDiagnostics = [.. run.Read.Diagnostics, .. workflow.SecretProblems],
                FullPlanArtifact = saveTo,
            };
            if (run.Plan.HasErrors)
            {
                // Text: the diagnostics are on stderr already; JSON and markdown carry them for CI.
                await console.Out.WriteAsync(format == "text" ? "" : RunPlanView.Render(run.Plan, format, view));
                return ExitCodes.Error;
            }

            await console.Out.WriteAsync(RunPlanView.Render(run.Plan, format, view));
            if (saveTo is not null && !await SaveAsync(console, run, saveTo, ct))
            {
                return ExitCodes.Error;
            }

            return parse.GetValue(detailed) && run.Plan.HasChanges ? ExitCodes.ChangesPresent : ExitCodes.Success;
        }));
        return command;
    }

    internal static bool Color(CliConsole console, bool noColor) =>
        !noColor && console.IsInteractive && console.Environment("NO_COLOR") is null;

    /// <summary>Writes the plan file, creating missing directories; PAM017 when it cannot be written.</summary>
    private static async Task<bool> SaveAsync(CliConsole console, PlannedRun run, string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(path, console.WorkingDirectory);
        try
        {
            if (Directory.Exists(full))
            {
                throw new IOException("it is a directory");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, console.Redactor.Redact(PlanFile.Serialize(run.Plan, run.Selection)), ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render([Diagnostic.Error(DiagnosticCodes.OutputNotWritable,
                $"cannot write the plan file {path}: {ex.Message}", "Give --out a file path in a directory you can write to.")]));
            return false;
        }

        await console.Error.WriteLineAsync($"pamctl: saved the plan to {path}; apply it with `pamctl apply {path} -f` and the same manifests and options.");
        return true;
    }

    /// <summary>Prints <paramref name="diagnostics"/> (stderr, and the JSON or markdown view on stdout); exit 1.</summary>
    internal static async Task<int> FailAsync(CliConsole console, IReadOnlyList<Diagnostic> diagnostics, string format = "text")
    {
        await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics));
        await console.Out.WriteAsync(RunPlanView.RenderFailure(diagnostics, format));
        return ExitCodes.Error;
    }
}
