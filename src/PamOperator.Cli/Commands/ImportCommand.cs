using System.CommandLine;
using PamOperator.Cli.Import;
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
/// <c>pamctl import -f PROVIDERCONFIG [--kind K...] [--output-dir DIR] [--force]</c> (or <c>--embedded [--vendor V]</c>):
/// writes one manifest per live object (<c>DIR/&lt;plural&gt;/&lt;name&gt;.yaml</c>) so that planning DIR against the
/// same PAM shows no changes. Never overwrites a file that differs without <c>--force</c> (PAM603, nothing written);
/// names the objects whose manifests need a secret reference (PAM604). Reads only; never writes to the PAM.
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
        var files = CommonOptions.Files(required: false, "Only its ProviderConfig is used: the PAM to import from.");
        var kinds = new Option<string[]>("--kind") { Description = "Import only these kinds (repeatable). Default: every kind.", Arity = ArgumentArity.ZeroOrMore };
        var outputDir = new Option<string>("--output-dir") { Description = "Directory to write the manifests into (created if missing).", DefaultValueFactory = _ => "imported" };
        var force = new Option<bool>("--force") { Description = "Overwrite files that exist and differ (default: refuse, write nothing)." };
        var embedded = CommonOptions.Embedded();
        var command = new Command("import", HelpText.Of("Write manifests for the objects that already exist in the PAM.",
            "pamctl import -f providerconfig.yaml --output-dir imported",
            "pamctl import -f providerconfig.yaml --kind Safe --kind Account --force")) { vendor, files, kinds, outputDir, force, embedded };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, () =>
            RunAsync(console, new ImportRequest(parse.GetValue(vendor)!, parse.GetValue(files) ?? [], parse.GetValue(kinds) ?? [],
                parse.GetValue(outputDir)!, parse.GetValue(force), parse.GetValue(embedded)), ct)));
        return command;
    }

    private sealed record ImportRequest(string Vendor, string[] Files, string[] Kinds, string OutputDir, bool Force, bool Embedded);

    private static async Task<int> RunAsync(CliConsole console, ImportRequest request, CancellationToken ct)
    {
        var (vendor, files, kindNames, outputDir) = (request.Vendor, request.Files, request.Kinds, request.OutputDir);
        var diagnostics = new DiagnosticBag();
        var read = files.Length == 0
            ? new ManifestReadResult([], [], [], 0)
            : await ManifestReader.ReadAsync(files, console.In, console.Catalog, ct, console.WorkingDirectory);
        diagnostics.AddRange(read.Diagnostics);
        var kinds = SelectKinds(console, kindNames, diagnostics);
        if (File.Exists(Path.GetFullPath(outputDir, console.WorkingDirectory)))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputNotWritable, $"--output-dir {outputDir} is a file, not a directory",
                "Give --output-dir a directory (it is created if missing); nothing was read or written."));
        }

        if (diagnostics.HasErrors)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
            return ExitCodes.Error;
        }

        await using var targets = await PamTargets.OpenAsync(read, _ => PlanOptions.Default, console, diagnostics, ct, vendor, request.Embedded);
        if (targets is null)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
            return ExitCodes.Error;
        }

        var several = targets.Targets.Count > 1;
        PamPlan[] sections;
        using (console.Progress.Show())
        {
            sections = await Task.WhenAll(targets.Targets.Select(t =>
                Reconciliation.ObserveAllAsync(t, [.. kinds.Where(k => t.Kinds.Contains(k))], console.Progress.PlanHooks, ct)));
        }

        var failures = sections.Where(s => s.Failure is not null).Select(s => s.Failure!).ToList();
        if (failures.Count > 0)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(failures));
            return ExitCodes.Error;
        }

        var imports = sections.Select(section =>
        {
            var (manifests, warnings) = Importer.Import(section.Live, [.. kinds.Where(k => section.Target.Kinds.Contains(k))]);
            var directory = several ? Path.Combine(outputDir, section.Target.Name) : outputDir;
            return (Directory: directory, Manifests: manifests, Warnings: warnings,
                Files: manifests.Select(m => new ImportFile(Path.Combine(Path.GetFullPath(directory, console.WorkingDirectory), m.Kind.Plural, m.Name + ".yaml"),
                    Path.Combine(directory, m.Kind.Plural, m.Name + ".yaml"), ManifestYaml.Write(m.Document))).ToList());
        }).ToList();
        var refused = ImportFiles.Check([.. imports.SelectMany(i => i.Files)], request.Force);
        if (refused.Count > 0)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(refused));
            return ExitCodes.Error;
        }

        foreach (var import in imports)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render([.. import.Warnings, .. ImportFiles.SecretsNeeded(import.Manifests)]));
            var written = await ImportFiles.WriteAsync(import.Files, ct);
            var counts = string.Join(", ", import.Manifests.GroupBy(m => m.Kind.Plural).Select(g => $"{g.Key}: {g.Count()}"));
            var unchanged = import.Files.Count - written;
            await console.Out.WriteLineAsync($"Imported {import.Manifests.Count} objects into {import.Directory}{(counts.Length > 0 ? $" ({counts})" : "")}"
                + (unchanged > 0 ? $"; {unchanged} file(s) already held the same manifest." : "."));
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
}
