namespace PamOperator.Manifests.Secrets;

/// <summary>
/// The path a file system path names once every symbolic link in it is followed (POSIX <c>realpath</c>), for the
/// components that exist; a missing tail is appended as written. Bounded: more than 40 links is a loop.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>The resolved absolute path, or null for a link loop or a link that cannot be read.</summary>
    public static string? Of(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies below it (both absolute, normalized).</summary>
    public static bool IsInside(string path, string root)
    {
        var r = Path.TrimEndingDirectorySeparator(root);
        if (r.EndsWith(Path.DirectorySeparatorChar))
        {
            return path.StartsWith(r, StringComparison.Ordinal);
        }

        return string.Equals(path, r, StringComparison.Ordinal) || path.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string? Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Join(current, parts[i]);
            FileSystemInfo info = new FileInfo(next);
            if (!info.Exists)
            {
                info = new DirectoryInfo(next);
            }

            if (!info.Exists || info.LinkTarget is not { } target)
            {
                if (!info.Exists)
                {
                    return Path.Join([next, .. parts[(i + 1)..]]);
                }

                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            var resolved = Resolve(Path.GetFullPath(target, current), ref links);
            if (resolved is null)
            {
                return null;
            }

            current = resolved;
        }

        return current;
    }
}
