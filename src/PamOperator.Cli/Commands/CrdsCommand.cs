using System.CommandLine;
using PamOperator.Core;
using PamOperator.Manifests.Crds;

namespace PamOperator.Cli.Commands;

/// <summary><c>pamctl crds [--output-dir DIR] [--rbac FILE...]</c>: writes one CustomResourceDefinition per kind of
/// every registered vendor, generated from the kind descriptors, plus a Kustomization file; with <c>--rbac</c>, rewrites
/// the generated rules region of each ClusterRole file (the chart's and kustomize's). Idempotent; overwrites.</summary>
internal static class CrdsCommand
{
    public static Command Create(CliConsole console)
    {
        var outputDir = new Option<string>("--output-dir")
        {
            Description = "Directory to write the CRDs into (created if missing).",
            DefaultValueFactory = _ => "crds",
        };
        var rbac = new Option<string[]>("--rbac")
        {
            Description = "ClusterRole file whose generated rules region to rewrite (repeatable), e.g. deploy/kustomize/base/clusterrole.yaml.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("crds", HelpText.Of("Write the CustomResourceDefinitions (and RBAC rules) generated from the kind descriptors.",
            "pamctl crds --output-dir crds --rbac deploy/kustomize/base/clusterrole.yaml")) { outputDir, rbac };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var directory = parse.GetValue(outputDir) ?? "crds";
            var written = await CrdFiles.WriteAsync(Path.GetFullPath(directory, console.WorkingDirectory), console.Catalog, cancellationToken);
            await console.Out.WriteLineAsync($"wrote {written.Count} files to {directory}");
            var rules = RbacRules.Render(console.Catalog);
            foreach (var file in parse.GetValue(rbac) ?? [])
            {
                var path = Path.GetFullPath(file, console.WorkingDirectory);
                var replaced = File.Exists(path) ? RbacRules.Replace(await File.ReadAllTextAsync(path, cancellationToken), rules) : null;
                if (replaced is null)
                {
                    await console.Error.WriteLineAsync($"pamctl: {file} has no generated rules region (a line '{RbacRules.Begin.Trim()}'); nothing written there.");
                    return ExitCodes.Error;
                }

                await File.WriteAllTextAsync(path, replaced, cancellationToken);
                await console.Out.WriteLineAsync($"wrote the RBAC rules into {file}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
