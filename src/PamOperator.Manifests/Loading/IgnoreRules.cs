using System.Text;
using System.Text.RegularExpressions;

namespace PamOperator.Manifests.Loading;

/// <summary>
/// The patterns of one <c>.pamctlignore</c> (after <c>.helmignore</c>): one glob per line, relative to the file's
/// directory; <c>#</c> starts a comment; <c>*</c> and <c>?</c> stay within a path segment, <c>**</c> spans segments;
/// a pattern without <c>/</c> (other than a trailing one) matches a file or directory name at any depth, one with
/// <c>/</c> (e.g. <c>/ci/</c>) is anchored to the ignore file's directory; a trailing <c>/</c> matches directories
/// only; a leading <c>!</c> re-includes. The last matching line wins.
/// </summary>
internal sealed class IgnoreRules
{
    public const string FileName = ".pamctlignore";

    private readonly List<(Regex Pattern, bool Negated, bool DirectoryOnly)> _rules = [];

    private IgnoreRules(string directory) => Directory = directory;

    /// <summary>Full path of the directory holding the ignore file.</summary>
    public string Directory { get; }

    private const int MaxBytes = 1024 * 1024;

    /// <summary>The rules in <paramref name="directory"/>, or null when it has no ignore file. Throws
    /// <see cref="IOException"/> when the ignore file is not a readable regular file of at most 1 MiB.</summary>
    public static IgnoreRules? Load(string directory)
    {
        var file = Path.Combine(directory, FileName);
        if (!File.Exists(file))
        {
            return null;
        }

        // The ignore file comes with the manifests: read it bounded (a FIFO or a device must not hang or exhaust the run).
        if (BoundedFile.Read(file, MaxBytes, TimeSpan.FromSeconds(5), out var bytes, out _) != BoundedFile.Status.Read)
        {
            throw new IOException($"{FileName} is not a readable regular file of at most {MaxBytes / 1024} KiB");
        }

        var rules = new IgnoreRules(directory);
        foreach (var raw in System.Text.Encoding.UTF8.GetString(bytes!).TrimStart('\uFEFF').Split('\n'))
        {
            rules.Add(raw.Trim());
        }

        return rules;
    }

    private void Add(string line)
    {
        if (line.Length == 0 || line.StartsWith('#'))
        {
            return;
        }

        var negated = line.StartsWith('!');
        var pattern = negated ? line[1..] : line;
        var directoryOnly = pattern.EndsWith('/');
        pattern = pattern.TrimEnd('/');
        var anchored = pattern.Contains('/', StringComparison.Ordinal);
        pattern = pattern.TrimStart('/');
        if (pattern.Length == 0)
        {
            return;
        }

        var regex = anchored ? $"^{Translate(pattern)}$" : $"(^|/){Translate(pattern)}$";
        _rules.Add((new Regex(regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), negated, directoryOnly));
    }

    /// <summary>Whether <paramref name="fullPath"/> (inside <see cref="Directory"/>) is ignored.</summary>
    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        var relative = Path.GetRelativePath(Directory, fullPath).Replace('\\', '/');
        var ignored = false;
        foreach (var (pattern, negated, directoryOnly) in _rules)
        {
            if ((!directoryOnly || isDirectory) && pattern.IsMatch(relative))
            {
                ignored = !negated;
            }
        }

        return ignored;
    }

    private static string Translate(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                sb.Append(".*");
                i++;
            }
            else
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return sb.ToString();
    }
}
