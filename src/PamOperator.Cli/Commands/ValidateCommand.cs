using System.CommandLine;
using PamOperator.Core;
using PamOperator.Manifests;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Commands;

/// <summary>
/// <c>pamctl validate -f PATH... [--output text|json]</c>: reads and validates manifests without contacting a PAM.
/// Text: diagnostics on stderr, the summary line on stdout. JSON: one document on stdout. Exit 0 without errors
/// (warnings allowed), 1 with any error.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = CommonOptions.Files();
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output format: text or json.",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json");

        var command = new Command("validate", HelpText.Of("Validate manifests (schema and rules) without contacting a PAM.",
            "pamctl validate -f manifests/", "pamctl validate -f manifests/ -f providerconfig.yaml --output json"));
        command.Options.Add(files);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var result = await ManifestReader.ReadAsync(parse.GetValue(files) ?? [], console.In, console.Catalog, cancellationToken, console.WorkingDirectory);
            if (parse.GetValue(output) == "json")
            {
                await console.Out.WriteLineAsync(ValidationJsonView.Render(result));
            }
            else
            {
                await console.Error.WriteAsync(DiagnosticsTextView.Render(result.Diagnostics));
                await console.Out.WriteLineAsync(DiagnosticsTextView.Summary(result.Diagnostics, result.Documents));
            }

            return result.HasErrors ? ExitCodes.Error : ExitCodes.Success;
        }));
        return command;
    }
}
