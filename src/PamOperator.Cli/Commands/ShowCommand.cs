using System.CommandLine;
using System.Text;
using PamOperator.Core;
using PamOperator.Engine.Views;
using PamOperator.Manifests.Loading;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Commands;

/// <summary><c>pamctl show PLANFILE [-o text|json]</c>: prints a plan saved by <c>plan --out</c> without contacting any
/// PAM (Terraform's <c>show</c>). Reads only. Exit 0, or 1 when the file is unreadable (PAM312).</summary>
internal static class ShowCommand
{
    private const int MaxPlanFileBytes = 512 * 1024 * 1024;

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var planFile = new Argument<string>("PLANFILE") { Description = "A plan saved by `pamctl plan --out FILE`." };
        var output = new Option<string>("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var noColor = CommonOptions.NoColor();
        var command = new Command("show", HelpText.Of("Show a saved plan, as text or JSON, without contacting the PAM.",
            "pamctl show plan.bin", "pamctl show plan.bin -o json | jq '.resource_changes[].address'"))
        {
            planFile, output, noColor,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, async () =>
        {
            var path = parse.GetValue(planFile)!;
            var status = BoundedFile.Read(Path.GetFullPath(path, console.WorkingDirectory), MaxPlanFileBytes, TimeSpan.FromSeconds(30), out var bytes, out var error);
            var saved = status == BoundedFile.Status.Read
                ? PlanFile.Deserialize(Encoding.UTF8.GetString(bytes!), path)
                : new PlanFileResult(null, [Core.Diagnostics.Diagnostic.Error(Core.Diagnostics.DiagnosticCodes.PlanFileInvalid,
                    $"cannot read the plan file {path} ({error ?? status.ToString()})", "Give the file written by pamctl plan --out.")]);
            if (!saved.Succeeded)
            {
                await console.Error.WriteAsync(DiagnosticsTextView.Render(saved.Diagnostics));
                return ExitCodes.Error;
            }

            var json = parse.GetValue(output) == "json";
            var several = saved.Sections.Count > 1;
            if (json && several)
            {
                var pams = new System.Text.Json.Nodes.JsonArray([.. saved.Sections.Select(s => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
                {
                    ["name"] = s.Name,
                    ["plan"] = System.Text.Json.Nodes.JsonNode.Parse(JsonPlanView.Render(s.Plan)),
                })]);
                await console.Out.WriteLineAsync(new System.Text.Json.Nodes.JsonObject { ["pams"] = pams }.ToJsonString(Indented));
                return ExitCodes.Success;
            }

            foreach (var section in saved.Sections)
            {
                if (several && !json)
                {
                    await console.Out.WriteAsync($"=== PAM {section.Name}: {section.Plan.Target ?? section.Name} ===\n");
                }

                await console.Out.WriteAsync(json ? JsonPlanView.Render(section.Plan) : HumanPlanView.Render(section.Plan, PlanCommand.Color(console, parse.GetValue(noColor))));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
