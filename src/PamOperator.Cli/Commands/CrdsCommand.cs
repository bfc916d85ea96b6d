using System.CommandLine;
using PamOperator.Core;
using PamOperator.Manifests.Crds;

namespace PamOperator.Cli.Commands;

/// <summary><c>pamctl crds [--output-dir DIR]</c>: writes one CustomResourceDefinition per kind, generated from the
/// kind descriptors, plus a Kustomization file. Idempotent; overwrites.</summary>
internal static class CrdsCommand
{
    public static Command Create(CliConsole console)
    {
        var outputDir = new Option<string>("--output-dir")
        {
            Description = "Directory to write the CRDs into (created if missing).",
            DefaultValueFactory = _ => "crds",
        };
        var command = new Command("crds", "Write the CustomResourceDefinitions generated from the kind descriptors.");
        command.Options.Add(outputDir);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var directory = parse.GetValue(outputDir) ?? "crds";
            var written = await CrdFiles.WriteAsync(directory, cancellationToken);
            await console.Out.WriteLineAsync($"wrote {written.Count} files to {directory}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
