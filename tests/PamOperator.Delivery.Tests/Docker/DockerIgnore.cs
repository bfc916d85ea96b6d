using System.Text;
using System.Text.RegularExpressions;

namespace PamOperator.Delivery.Tests.Docker;

/// <summary>.dockerignore matching as Docker does it: Go filepath.Match patterns plus <c>**</c> for any number of
/// directories, relative to the context root, a matched directory excludes everything below it, <c>!</c> re-includes,
/// and the last matching pattern wins.</summary>
public sealed class DockerIgnore(IReadOnlyList<(Regex Pattern, bool Exclude)> rules)
{
    public static DockerIgnore Parse(string text) => new(text.Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => (ToRegex(l.TrimStart('!').Trim('/')), !l.StartsWith('!')))
        .ToList());

    /// <summary>Whether the context path (forward slashes, relative to the root) is left out of the build context.</summary>
    public bool IsExcluded(string path)
    {
        var excluded = false;
        foreach (var (pattern, exclude) in rules)
        {
            if (pattern.IsMatch(path))
            {
                excluded = exclude;
            }
        }

        return excluded;
    }

    private static Regex ToRegex(string glob)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            regex.Append(glob[i] switch
            {
                '*' when i + 1 < glob.Length && glob[i + 1] == '*' => SkipDoubleStar(glob, ref i),
                '*' => "[^/]*",
                '?' => "[^/]",
                var c => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(regex.Append("(/.*)?$").ToString(), RegexOptions.CultureInvariant);
    }

    private static string SkipDoubleStar(string glob, ref int i)
    {
        i++;
        if (i + 1 < glob.Length && glob[i + 1] == '/')
        {
            i++;
            return "(.*/)?";
        }

        return ".*";
    }
}
