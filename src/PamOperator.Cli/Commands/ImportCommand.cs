using System.CommandLine;
using PamOperator.Cli.Targets;
using PamOperator.Cli.Workflows;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Engine.Import;
using PamOperator.Manifests;
using PamOperator.Manifests.Kinds;
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
        var vendor = new Option<string>("--vendor") { Description = "The PAM's vendor.", DefaultValueFactory = _ => "fudo" };
        vendor.AcceptOnlyFromAmong("fudo");
        var files = new Option<string[]>("--filename", "-f")
        {
            Description = "File or directory holding the ProviderConfig of the PAM to import from (default: the embedded simulator).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var kinds = new Option<string[]>("--kind") { Description = "Import only these kinds (repeatable). Default: every kind.", Arity = ArgumentArity.ZeroOrMore };
        var outputDir = new Option<string>("--output-dir") { Description = "Where to write the manifests.", DefaultValueFactory = _ => "imported" };
        var command = new Command("import", "Write manifests for the objects that already exist in the PAM.") { vendor, files, kinds, outputDir };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, () =>
            RunAsync(console, parse.GetValue(files) ?? [], parse.GetValue(kinds) ?? [], parse.GetValue(outputDir)!, ct)));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] files, string[] kindNames, string outputDir, CancellationToken ct)
    {
        var diagnostics = new DiagnosticBag();
        var kinds = SelectKinds(kindNames, diagnostics);
        var read = files.Length == 0 ? new ManifestReadResult([], [], [], 0) : await ManifestReader.ReadAsync(files, console.In, ct);
        diagnostics.AddRange(read.Diagnostics);
        if (diagnostics.HasErrors)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
            return ExitCodes.Error;
        }

        await using var session = await ProviderSessions.OpenAsync(read, console, diagnostics, ct);
        LiveState? live = null;
        try
        {
            live = session is null ? null : await session.Provider.Reader.ObserveAsync([.. kinds.Select(k => k.WireType)], ct);
        }
        catch (PamApiException ex)
        {
            diagnostics.Add(ProviderDiagnostics.From(ex, session!.Description));
        }

        if (live is null)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
            return ExitCodes.Error;
        }

        var (manifests, warnings) = Importer.Import(live, kinds);
        await console.Error.WriteAsync(DiagnosticsTextView.Render(warnings));
        await WriteAsync(manifests, outputDir, console.WorkingDirectory, ct);
        var counts = string.Join(", ", manifests.GroupBy(m => m.Kind.Plural).Select(g => $"{g.Key}: {g.Count()}"));
        await console.Out.WriteLineAsync($"Imported {manifests.Count} objects into {outputDir}{(counts.Length > 0 ? $" ({counts})" : "")}.");
        return ExitCodes.Success;
    }

    private static List<KindDescriptor> SelectKinds(string[] names, DiagnosticBag diagnostics)
    {
        if (names.Length == 0)
        {
            return [.. KindCatalog.All];
        }

        var selected = new List<KindDescriptor>();
        foreach (var name in names)
        {
            var kind = KindCatalog.All.FirstOrDefault(k => string.Equals(k.Kind, name, StringComparison.OrdinalIgnoreCase));
            if (kind is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ImportUnknownKind, $"unknown kind '{name}'",
                    $"Known kinds: {string.Join(", ", KindCatalog.VendorKindNames)}."));
            }
            else
            {
                selected.Add(kind);
            }
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
