using System.CommandLine;
using PamOperator.Cli.Workflows;
using PamOperator.Core;
using PamOperator.Engine.Views;

namespace PamOperator.Cli.Commands;

/// <summary>
/// <c>pamctl apply -f PATH...</c> plans, shows the plan, asks for confirmation on a terminal (or takes
/// <c>--auto-approve</c>; never prompts without a terminal), and applies it in dependency order inside the vendor's
/// transaction. <c>pamctl apply PLANFILE [-f PATH...]</c> executes a saved plan exactly, refusing a stale one.
/// Exit 0 on success or no changes, 1 otherwise.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(CliConsole console)
    {
        var planFile = new Argument<string?>("PLANFILE") { Description = "A plan saved by `pamctl plan --out FILE`.", Arity = ArgumentArity.ZeroOrOne };
        var files = CommonOptions.Files(required: false, "With PLANFILE: the ProviderConfig and manifests the plan was made from.");
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Apply without asking for confirmation." };
        var parallelism = CommonOptions.Parallelism();
        var embedded = CommonOptions.Embedded();
        var prune = CommonOptions.Prune();
        var prefixes = CommonOptions.PruneNamePrefix();
        var maxDeletes = CommonOptions.MaxDeletes();
        var noColor = CommonOptions.NoColor();
        var command = new Command("apply", "Change the PAM to match the manifests (or execute a saved plan).")
        {
            planFile, files, autoApprove, parallelism, prune, prefixes, maxDeletes, embedded, noColor,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, async () =>
        {
            var problems = CommonOptions.OutOfRange(parse,
                (maxDeletes, 0, CommonOptions.MaxDeletesLimit), (parallelism, 1, CommonOptions.ParallelismLimit));
            if (problems.Count > 0)
            {
                return await PlanCommand.FailAsync(console, problems);
            }

            var paths = parse.GetValue(files) ?? [];
            var apply = new ApplyWorkflow(console);
            if (parse.GetValue(planFile) is { } saved)
            {
                var savedInputs = new PlanInputs(paths, parse.GetValue(prune), parse.GetValue(prefixes), parse.GetValue(maxDeletes), parse.GetValue(embedded));
                var savedRun = await new SavedPlanWorkflow(console).RunAsync(saved, savedInputs, ct);
                if (savedRun is null)
                {
                    return ExitCodes.Error;
                }

                await using (savedRun)
                {
                    await console.Out.WriteAsync(RunPlanView.Render(savedRun.Plan, "text", PlanCommand.Color(console, parse.GetValue(noColor))));
                    return await apply.ApplyAsync(savedRun, approved: true, parse.GetValue(parallelism), ct);
                }
            }

            if (paths.Length == 0)
            {
                await console.Error.WriteLineAsync("pamctl: apply needs -f PATH (manifests) or a saved PLANFILE.");
                return ExitCodes.Error;
            }

            var inputs = new PlanInputs(paths, parse.GetValue(prune), parse.GetValue(prefixes), parse.GetValue(maxDeletes), parse.GetValue(embedded));
            await using var run = await new PlanWorkflow(console).RunAsync(inputs, ct);
            if (run is null || run.Plan.HasErrors)
            {
                return ExitCodes.Error;
            }

            await console.Out.WriteAsync(RunPlanView.Render(run.Plan, "text", PlanCommand.Color(console, parse.GetValue(noColor))));
            return await apply.ApplyAsync(run, parse.GetValue(autoApprove), parse.GetValue(parallelism), ct);
        }));
        return command;
    }
}
