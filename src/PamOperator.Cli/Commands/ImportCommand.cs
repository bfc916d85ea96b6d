using System.CommandLine;
using PamOperator.Cli.Targets;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;
using PamOperator.Engine.Import;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Runs;
using PamOperator.Manifests;
using PamOperator.Manifests.Views;
using PamOperator.Manifests.Yaml;

namespace PamOperator.Cli.Commands;

/// <summary>
/// <c>pamctl import --vendor fudo [-f PROVIDERCONFIG] [--kind K...] [--output-dir DIR]</c>: writes one manifest per
/// live object (<c>DIR/&lt;plural&gt;/&lt;name&gt;.yaml</c>) so that planning DIR against the same PAM shows no changes.
/// Reads only; never writes to the PAM.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var vendor = new Option<string>("--vendor")
        {
            Description = "The vendor of the embedded simulator to import from when no ProviderConfig is given.",
            DefaultValueFactory = _ => console.Vendors.Vendors[0],
        };
        vendor.AcceptOnlyFromAmong([.. console.Vendors.Vendors]);
        var files = new Option<string[]>("--filename", "-f")
        {
            Description = "File or directory holding the ProviderConfig of the PAM to import from (default: the embedded simulator).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var kinds = new Option<string[]>("--kind") { Description = "Import only these kinds (repeatable). Default: every kind.", Arity = ArgumentArity.ZeroOrMore };
        var outputDir = new Option<string>("--output-dir") { Description = "Where to write the manifests.", DefaultValueFactory = _ => "imported" };
        var command = new Command("import", "Write manifests for the objects that already exist in the PAM.") { vendor, files, kinds, outputDir };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, () =>
            RunAsync(console, parse.GetValue(vendor)!, parse.GetValue(files) ?? [], parse.GetValue(kinds) ?? [], parse.GetValue(outputDir)!, ct)));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string vendor, string[] files, string[] kindNames, string outputDir, CancellationToken ct)
    {
        var diagnostics = new DiagnosticBag();
        var read = files.Length == 0
            ? new ManifestReadResult([], [], [], 0)
            : await ManifestReader.ReadAsync(files, console.In, console.Catalog, ct);
        diagnostics.AddRange(read.Diagnostics);
        var kinds = SelectKinds(console, kindNames, diagnostics);
        if (diagnostics.HasErrors)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
            return ExitCodes.Error;
        }

        await using var targets = await PamTargets.OpenAsync(read, _ => PlanOptions.Default, console, diagnostics, ct, vendor);
        if (targets is null)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
            return ExitCodes.Error;
        }

        var several = targets.Targets.Count > 1;
        var sections = await Task.WhenAll(targets.Targets.Select(t =>
            Reconciliation.ObserveAllAsync(t, [.. kinds.Where(k => t.Kinds.Contains(k))], ct)));
        var failures = sections.Where(s => s.Failure is not null).Select(s => s.Failure!).ToList();
        if (failures.Count > 0)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(failures));
            return ExitCodes.Error;
        }

        foreach (var section in sections)
        {
            var (manifests, warnings) = Importer.Import(section.Live, [.. kinds.Where(k => section.Target.Kinds.Contains(k))]);
            await console.Error.WriteAsync(DiagnosticsTextView.Render(warnings));
            var directory = several ? Path.Combine(outputDir, section.Target.Name) : outputDir;
            await WriteAsync(manifests, directory, console.WorkingDirectory, ct);
            var counts = string.Join(", ", manifests.GroupBy(m => m.Kind.Plural).Select(g => $"{g.Key}: {g.Count()}"));
            await console.Out.WriteLineAsync($"Imported {manifests.Count} objects into {directory}{(counts.Length > 0 ? $" ({counts})" : "")}.");
        }

        return ExitCodes.Success;
    }

    private static List<KindDescriptor> SelectKinds(CliConsole console, string[] names, DiagnosticBag diagnostics)
    {
        var catalog = console.Catalog;
        if (names.Length == 0)
        {
            return [.. catalog.All];
        }

        var selected = new List<KindDescriptor>();
        foreach (var name in names)
        {
            var kinds = catalog.All.Where(k => string.Equals(k.Kind, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (kinds.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ImportUnknownKind, $"unknown kind '{name}'",
                    $"Known kinds: {string.Join(", ", catalog.VendorKindNames)}."));
            }

            selected.AddRange(kinds);
        }

        return selected;
    }

    private static async Task WriteAsync(IReadOnlyList<ImportedManifest> manifests, string outputDir, string workingDirectory, CancellationToken ct)
    {
        foreach (var m in manifests)
        {
            var directory = Path.Combine(Path.GetFullPath(outputDir, workingDirectory), m.Kind.Plural);
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, m.Name + ".yaml"), ManifestYaml.Write(m.Document), ct);
        }
    }
}
