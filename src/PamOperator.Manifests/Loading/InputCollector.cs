using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Secrets;

namespace PamOperator.Manifests.Loading;

/// <summary>
/// Expands <c>-f</c> arguments into files: a file as named (never ignored), <c>-</c> for standard input (once), a
/// directory recursively (<c>*.yaml</c>/<c>*.yml</c>, hidden entries and symbolic-link directories skipped,
/// <c>.pamctlignore</c> honoured, sorted ordinally for determinism). Missing paths are diagnostics; so are a symbolic
/// link under a directory that leads outside it (PAM013: never followed, so a reviewed directory cannot make pamctl
/// read and print back a file elsewhere) and a directory that cannot be listed (PAM012). Relative paths resolve
/// against the given working directory (default: the process's) and are displayed as given; when that directory is not
/// the process's (a command run in-process for another directory), they are displayed absolute, so that every later
/// use of a location's file (secret files, CA files relative to a manifest) finds the same file.
/// </summary>
internal static class InputCollector
{
    public static IReadOnlyList<InputSource> Collect(IReadOnlyList<string> paths, DiagnosticBag diagnostics, string? workingDirectory = null)
    {
        var baseDirectory = workingDirectory ?? Directory.GetCurrentDirectory();
        var asGiven = Path.GetFullPath(baseDirectory) == Path.GetFullPath(Directory.GetCurrentDirectory());
        var result = new List<InputSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var given in paths)
        {
            var path = given == "-" || asGiven || Path.IsPathRooted(given) ? given : Path.GetFullPath(given, baseDirectory);
            if (path == "-")
            {
                if (seen.Add(InputSource.StdinName))
                {
                    result.Add(InputSource.Stdin);
                }
            }
            else if (File.Exists(Path.GetFullPath(path, baseDirectory)))
            {
                AddFile(result, seen, path, Path.GetFullPath(path, baseDirectory));
            }
            else if (Directory.Exists(Path.GetFullPath(path, baseDirectory)))
            {
                var found = Walk(path, Path.GetFullPath(path, baseDirectory), diagnostics).ToList();
                foreach (var (display, full) in found)
                {
                    AddFile(result, seen, display, full, Path.GetFullPath(path, baseDirectory));
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

    private static void AddFile(List<InputSource> result, HashSet<string> seen, string display, string full, string? root = null)
    {
        if (seen.Add(full))
        {
            result.Add(new InputSource(display, full, root));
        }
    }

    private static IEnumerable<(string Display, string Full)> Walk(string root, string full, DiagnosticBag diagnostics)
    {
        var files = new List<(string Relative, string Full)>();
        var walk = new WalkContext(root, RealPath.Of(full) ?? full, diagnostics);
        Visit(full, "", [], files, walk);
        return files.OrderBy(f => f.Relative, StringComparer.Ordinal).Select(f => (Path.Join(root, f.Relative), f.Full));
    }

    private static void Visit(string directory, string relative, IReadOnlyList<IgnoreRules> inherited, List<(string, string)> files, WalkContext walk)
    {
        IReadOnlyList<IgnoreRules> rules;
        List<FileSystemInfo> entries;
        try
        {
            var own = IgnoreRules.Load(directory);
            rules = own is null ? inherited : [.. inherited, own];
            entries = [.. new DirectoryInfo(directory).EnumerateFileSystemInfos()];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var display = relative.Length == 0 ? walk.Root : Path.Join(walk.Root, relative);
            walk.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InputUnreadable, $"directory {display} cannot be read ({ex.GetType().Name}: {ex.Message})",
                "Make it readable by pamctl, or leave it out (.pamctlignore).", new SourceLocation(display, 1, 1)));
            return;
        }

        foreach (var entry in entries)
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
                    Visit(sub.FullName, childRelative, rules, files, walk);
                }
            }
            else if (entry.Extension is ".yaml" or ".yml")
            {
                if (entry.LinkTarget is not null && (RealPath.Of(entry.FullName) is not { } target || !RealPath.IsInside(target, walk.RealRoot)))
                {
                    var display = Path.Join(walk.Root, childRelative);
                    walk.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InputSymlinkOutside, $"{display} is a symbolic link that leads outside {walk.Root}",
                        "It was not read. Replace the link with the file, or pass its target with its own -f.", new SourceLocation(display, 1, 1)));
                    continue;
                }

                files.Add((childRelative, entry.FullName));
            }
        }
    }

    /// <summary>What a directory walk carries: the <c>-f</c> directory as given and resolved, and where problems go.</summary>
    private sealed record WalkContext(string Root, string RealRoot, DiagnosticBag Diagnostics);
}
