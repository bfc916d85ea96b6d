using System.CommandLine;
using PamOperator.Cli.Workflows;
using PamOperator.Core;
using PamOperator.Engine.Views;

namespace PamOperator.Cli.Commands;

/// <summary>
/// <c>pamctl plan -f PATH...</c>: what apply would do, as text, JSON or markdown; optionally saved with <c>--out</c>.
/// Never writes to the PAM. Exit 0, or 1 on any error; with <c>--detailed-exitcode</c>, 2 when there are changes
/// (or drift on observe-only objects).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var files = CommonOptions.Files();
        var output = new Option<string>("--output", "-o") { Description = "text, json or markdown.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json", "markdown");
        var outFile = new Option<string?>("--out") { Description = "Save the plan to FILE for `pamctl apply FILE` (no secret is written)." };
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 2 when the plan has changes, 0 when none, 1 on error." };
        var prune = CommonOptions.Prune();
        var prefixes = CommonOptions.PruneNamePrefix();
        var maxDeletes = CommonOptions.MaxDeletes();
        var noColor = CommonOptions.NoColor();
        var command = new Command("plan", "Show what apply would change in the PAM, without changing anything.")
        {
            files, output, outFile, detailed, prune, prefixes, maxDeletes, noColor,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, async () =>
        {
            var inputs = new PlanInputs(parse.GetValue(files)!, parse.GetValue(prune), parse.GetValue(prefixes), parse.GetValue(maxDeletes));
            var workflow = new PlanWorkflow(console);
            await using var run = await workflow.RunAsync(inputs, ct);
            if (run is null || run.Plan.HasErrors)
            {
                return ExitCodes.Error;
            }

            await console.Out.WriteAsync(RunPlanView.Render(run.Plan, parse.GetValue(output)!, Color(console, parse.GetValue(noColor))));
            if (parse.GetValue(outFile) is { } path)
            {
                await File.WriteAllTextAsync(Path.GetFullPath(path, console.WorkingDirectory), console.Redactor.Redact(PlanFile.Serialize(run.Plan)), ct);
                await console.Error.WriteLineAsync($"pamctl: saved the plan to {path}; apply it with `pamctl apply {path} -f` and the same manifests and options.");
            }

            return parse.GetValue(detailed) && (run.Plan.HasChanges || run.Plan.HasDrift) ? ExitCodes.ChangesPresent : ExitCodes.Success;
        }));
        return command;
    }

    internal static bool Color(CliConsole console, bool noColor) =>
        !noColor && console.IsInteractive && console.Environment("NO_COLOR") is null;
}
