using PamOperator.Core.Diagnostics;
using PamOperator.Core;
using PamOperator.Core.Schema;
using PamOperator.Engine.Import;

namespace PamOperator.Cli.Import;

/// <summary>
/// The file side of <c>pamctl import</c>: checks every file before the first is written (a file that exists and differs
/// is never overwritten without <c>--force</c>; a file where a directory must go is refused), writes, and names the
/// imported objects whose manifests need a secret reference (the PAM never returns secrets).
/// </summary>
internal static class ImportFiles
{
    private const int MaxListed = 20;

    /// <summary>Errors that refuse the whole import (nothing is written then): PAM603 for files that exist and differ
    /// (unless <paramref name="force"/>), PAM017 for paths that cannot be written. Empty when all may be written.</summary>
    public static List<Diagnostic> Check(IReadOnlyList<ImportFile> files, bool force)
    {
        var problems = new List<Diagnostic>();
        var blocked = files.Where(f => Directory.Exists(f.FullPath) || Blocker(f.FullPath) is not null).ToList();
        if (blocked.Count > 0)
        {
            problems.Add(Diagnostic.Error(DiagnosticCodes.OutputNotWritable,
                $"import cannot write {blocked.Count} file(s): a file stands where a directory must go, or a directory where a file must",
                $"{List(blocked.Select(f => f.DisplayPath))}. Move them away or choose another --output-dir; nothing was written."));
        }

        var differing = files.Except(blocked).Where(f => File.Exists(f.FullPath) && File.ReadAllText(f.FullPath) != f.Text).ToList();
        if (differing.Count > 0 && !force)
        {
            problems.Add(Diagnostic.Error(DiagnosticCodes.ImportWouldOverwrite,
                $"import would overwrite {differing.Count} file(s) that differ from what the PAM holds",
                $"{List(differing.Select(f => f.DisplayPath))}. Nothing was written. Import into another --output-dir and compare, "
                + "or pass --force to overwrite them (edits in those files are lost)."));
        }

        return problems;
    }

    /// <summary>Writes the files that are missing or differ; returns how many were written.</summary>
    public static async Task<int> WriteAsync(IReadOnlyList<ImportFile> files, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var file in files)
        {
            if (File.Exists(file.FullPath) && await File.ReadAllTextAsync(file.FullPath, cancellationToken) == file.Text)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file.FullPath)!);
            await File.WriteAllTextAsync(file.FullPath, file.Text, cancellationToken);
            written++;
        }

        return written;
    }

    /// <summary>PAM604 (warning) naming the imported objects of kinds with write-only secret fields: their manifests
    /// hold no secret, so a replacement or rotation would have nothing to send until a reference is added.</summary>
    public static IEnumerable<Diagnostic> SecretsNeeded(IReadOnlyList<ImportedManifest> manifests)
    {
        foreach (var group in manifests.Where(m => SecretFields(m.Kind).Count > 0).GroupBy(m => m.Kind))
        {
            var fields = string.Join(" / ", SecretFields(group.Key).Select(f => "spec." + f));
            var addresses = group.Select(m => new ObjectAddress(m.Kind.Vendor, m.Kind.Kind, m.Name).ToString()).ToList();
            yield return Diagnostic.Warning(DiagnosticCodes.ImportSecretNeeded,
                $"{addresses.Count} imported {group.Key.Kind} object(s) need a secret reference added ({fields})",
                $"{List(addresses)}. The PAM never returns secrets, so the written manifests hold none: add {fields} with valueFrom "
                + "(env or file) before one of them is replaced or its secret rotated.");
        }
    }

    private static List<string> SecretFields(KindDescriptor kind) =>
        [.. kind.Fields.Where(f => f.Type == FieldType.Secret).Select(f => f.Name)];

    /// <summary>The nearest ancestor of <paramref name="path"/> that exists as a file, if any.</summary>
    private static string? Blocker(string path)
    {
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return dir;
            }

            if (Directory.Exists(dir))
            {
                return null;
            }
        }

        return null;
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return string.Join(", ", all.Take(MaxListed)) + (all.Count > MaxListed ? $" and {all.Count - MaxListed} more" : "");
    }
}
