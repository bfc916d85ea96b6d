using System.CommandLine;
using PamOperator.Cli.Workflows;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Views;

namespace PamOperator.Cli.Commands;

/// <summary>
/// <c>pamctl apply -f PATH...</c> plans, shows the plan, asks for confirmation on a terminal (or takes
/// <c>--auto-approve</c>; never prompts without a terminal), and applies it in dependency order inside the vendor's
/// transaction. <c>pamctl apply PLANFILE [-f PATH...]</c> executes a saved plan exactly, refusing a stale one.
/// <c>--output json</c> writes the result as one JSON document on stdout (the plan and progress then go to stderr).
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
        var target = CommonOptions.Target();
        var selector = CommonOptions.Selector();
        var output = new Option<string>("--output", "-o")
        {
            Description = "text, or json: the result as one JSON document on stdout (the plan and progress go to stderr then).",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("apply", HelpText.Of("Change the PAM to match the manifests (or execute a saved plan).",
            "pamctl apply -f manifests/            # shows the plan, asks yes on a terminal",
            "pamctl apply -f manifests/ --auto-approve --output json",
            "pamctl apply plan.bin -f manifests/   # a saved plan, refused when stale",
            "pamctl apply -f manifests/ --target Safe/prod-db   # only this object and what it references"))
        {
            planFile, files, autoApprove, parallelism, prune, prefixes, maxDeletes, embedded, noColor, output, target, selector,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, async () =>
        {
            var json = parse.GetValue(output) == "json";
            // With JSON, people's text (plan, progress, diagnostics) goes to stderr and the one document to stdout.
            var human = json ? console with { Out = console.Error } : console;
            var reported = new List<Diagnostic>();
            var apply = new ApplyWorkflow(human);
            var exit = await RunAsync();
            if (json)
            {
                await console.Out.WriteAsync(ApplyJsonView.Render(apply.Results, [.. reported, .. apply.Reported], exit == ExitCodes.Success));
            }

            return exit;

            async Task<int> RunAsync()
            {
                var problems = CommonOptions.OutOfRange(parse,
                    (maxDeletes, 0, CommonOptions.MaxDeletesLimit), (parallelism, 1, CommonOptions.ParallelismLimit));
                if (problems.Count > 0)
                {
                    reported.AddRange(problems);
                    return await PlanCommand.FailAsync(human, problems);
                }

                var paths = parse.GetValue(files) ?? [];
                var color = PlanCommand.Color(human, parse.GetValue(noColor) || json);
                if (parse.GetValue(planFile) is { } saved)
                {
                    var savedInputs = new PlanInputs(paths, parse.GetValue(prune), parse.GetValue(prefixes), parse.GetValue(maxDeletes), parse.GetValue(embedded));
                    var savedWorkflow = new SavedPlanWorkflow(human);
                    var savedRun = await savedWorkflow.RunAsync(saved, savedInputs, ct);
                    reported.AddRange(savedWorkflow.Reported);
                    if (savedRun is null)
                    {
                        return ExitCodes.Error;
                    }

                    await using (savedRun)
                    {
                        await human.Out.WriteAsync(RunPlanView.Render(savedRun.Plan, "text", color));
                        return await apply.ApplyAsync(savedRun, approved: true, parse.GetValue(parallelism), ct);
                    }
                }

                if (paths.Length == 0)
                {
                    Diagnostic missing = Diagnostic.Error(DiagnosticCodes.ApplyNeedsInput, "apply needs -f PATH (manifests) or a saved PLANFILE",
                        "pamctl apply -f manifests/, or pamctl apply plan.bin -f manifests/.");
                    reported.Add(missing);
                    return await PlanCommand.FailAsync(human, [missing]);
                }

                var inputs = new PlanInputs(paths, parse.GetValue(prune), parse.GetValue(prefixes), parse.GetValue(maxDeletes), parse.GetValue(embedded),
                    parse.GetValue(target), parse.GetValue(selector));
                var planning = new PlanWorkflow(human, forApply: true);
                await using var run = await planning.RunAsync(inputs, ct);
                reported.AddRange(planning.Reported);
                if (run is null || run.Plan.HasErrors || planning.SecretProblems.Count > 0)
                {
                    return ExitCodes.Error;
                }

                await human.Out.WriteAsync(RunPlanView.Render(run.Plan, "text", color));
                return await apply.ApplyAsync(run, parse.GetValue(autoApprove), parse.GetValue(parallelism), ct);
            }
        }));
        return command;
    }
}
