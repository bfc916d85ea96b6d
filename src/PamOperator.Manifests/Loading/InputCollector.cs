using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Loading;

/// <summary>
/// Expands <c>-f</c> arguments into files: a file as named (never ignored), <c>-</c> for standard input (once), a
/// directory recursively (<c>*.yaml</c>/<c>*.yml</c>, hidden entries and symbolic-link directories skipped,
/// <c>.pamctlignore</c> honoured, sorted ordinally for determinism). Missing paths are diagnostics.
/// </summary>
internal static class InputCollector
{
    public static IReadOnlyList<InputSource> Collect(IReadOnlyList<string> paths, DiagnosticBag diagnostics)
    {
        var result = new List<InputSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (seen.Add(InputSource.StdinName))
                {
                    result.Add(InputSource.Stdin);
                }
            }
            else if (File.Exists(path))
            {
                AddFile(result, seen, path, Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                var found = Walk(path).ToList();
                foreach (var (display, full) in found)
                {
                    AddFile(result, seen, display, full);
                }

                if (found.Count == 0)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoManifestFiles, $"no YAML files under {path}",
                        "Manifests are *.yaml or *.yml files; check the path, and whether .pamctlignore or hidden directories exclude them.",
                        new SourceLocation(path, 1, 1)));
                }
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileNotFound, $"no such file or directory: {path}",
                    "Pass existing files or directories with -f, or - for standard input.", new SourceLocation(path, 1, 1)));
            }
        }

        return result;
    }

    private static void AddFile(List<InputSource> result, HashSet<string> seen, string display, string full)
    {
        if (seen.Add(full))
        {
            result.Add(new InputSource(display, full));
        }
    }

    private static IEnumerable<(string Display, string Full)> Walk(string root)
    {
        var files = new List<(string Relative, string Full)>();
        Visit(Path.GetFullPath(root), "", [], files);
        return files.OrderBy(f => f.Relative, StringComparer.Ordinal).Select(f => (Path.Join(root, f.Relative), f.Full));
    }

    private static void Visit(string directory, string relative, IReadOnlyList<IgnoreRules> inherited, List<(string, string)> files)
    {
        var own = IgnoreRules.Load(directory);
        IReadOnlyList<IgnoreRules> rules = own is null ? inherited : [.. inherited, own];
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith('.') || rules.Any(r => r.IsIgnored(entry.FullName, entry is DirectoryInfo)))
            {
                continue;
            }

            var childRelative = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            if (entry is DirectoryInfo sub)
            {
                if (sub.LinkTarget is null)
                {
                    Visit(sub.FullName, childRelative, rules, files);
                }
            }
            else if (entry.Extension is ".yaml" or ".yml")
            {
                files.Add((childRelative, entry.FullName));
            }
        }
    }
}
