namespace PamOperator.Manifests.Loading;

/// <summary>
/// Reads a whole file that the user (or a manifest) named, without trusting what it is: at most
/// <c>maxBytes</c> bytes, within a timeout (opening a FIFO blocks until a writer comes), and only a regular file: the
/// bytes read must be exactly as many as the file system says the file holds, which a device (<c>/dev/zero</c>),
/// a FIFO or a <c>/proc</c> file never satisfies. Never throws for what the file is; I/O errors come back as a status.
/// <para>With a confinement directory, the check that the file lies inside it is made on the file actually opened (its
/// descriptor's path, from <c>/proc/self/fd</c>), not on the name before opening: a symbolic link swapped in between a
/// policy check and the read cannot lead the read out of the directory. Where <c>/proc</c> is missing (not Linux),
/// the name is checked right before opening.</para>
/// </summary>
public static class BoundedFile
{
    /// <summary>What happened to a read.</summary>
    public enum Status
    {
        Read,
        Missing,
        TooLarge,
        NotRegular,
        TimedOut,
        Unreadable,

        /// <summary>The file opened lies outside the confinement directory.</summary>
        Escaped,
    }

    /// <summary>The bytes when <see cref="Status.Read"/>; else null, with <paramref name="error"/> naming an I/O error
    /// (its type name) for <see cref="Status.Unreadable"/>.</summary>
    public static Status Read(string path, int maxBytes, TimeSpan timeout, out byte[]? bytes, out string? error) =>
        Read(path, maxBytes, timeout, confineTo: null, out bytes, out error);

    /// <summary>As <see cref="Read(string, int, TimeSpan, out byte[], out string)"/>, refusing
    /// (<see cref="Status.Escaped"/>) a file that, once opened, is not inside the real directory
    /// <paramref name="confineTo"/> (null = anywhere).</summary>
    public static Status Read(string path, int maxBytes, TimeSpan timeout, string? confineTo, out byte[]? bytes, out string? error)
    {
        bytes = null;
        error = null;
        var read = Task.Run(() => ReadBounded(path, maxBytes, confineTo));
        try
        {
            if (!read.Wait(timeout))
            {
                // The blocked open stays on a pool thread until the process exits; nothing waits for it.
                return Status.TimedOut;
            }
        }
        catch (AggregateException ex) when (ex.InnerException is IOException or UnauthorizedAccessException)
        {
            error = ex.InnerException is FileNotFoundException or DirectoryNotFoundException ? null : ex.InnerException.GetType().Name;
            return error is null ? Status.Missing : Status.Unreadable;
        }

        (var status, bytes) = read.Result;
        return status;
    }

    private static (Status, byte[]?) ReadBounded(string named, int maxBytes, string? confineTo)
    {
        // The file a link leads to, not the link.
        var path = Secrets.RealPath.Of(named) ?? named;
        if (!File.Exists(path))
        {
            return (Status.Missing, null);
        }

        var root = confineTo is null ? null : Secrets.RealPath.Of(confineTo) ?? confineTo;
        if (root is not null && !Secrets.RealPath.IsInside(path, root))
        {
            return (Status.Escaped, null);
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (root is not null && OpenedPath(handle) is { } opened && !Secrets.RealPath.IsInside(opened, root))
        {
            return (Status.Escaped, null);
        }

        // The length of the file opened, not of whatever the name means by now.
        var expected = RandomAccess.GetLength(handle);
        if (expected > maxBytes)
        {
            return (Status.TooLarge, null);
        }

        var buffer = new byte[(int)Math.Min(maxBytes + 1L, expected + 1)];
        var total = 0;
        int n;
        try
        {
            while ((n = RandomAccess.Read(handle, buffer.AsSpan(total), total)) > 0)
            {
                total += n;
                if (total > expected)
                {
                    // More than the file system says the file holds: a device or a pseudo-file; stop reading.
                    return (Status.NotRegular, null);
                }
            }
        }
        catch (NotSupportedException)
        {
            return (Status.NotRegular, null);
        }

        return total != expected ? (Status.NotRegular, null) : (Status.Read, buffer[..total]);
    }

    /// <summary>The path of the file behind <paramref name="handle"/>, from <c>/proc/self/fd</c>; null where that is
    /// not available.</summary>
    private static string? OpenedPath(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        var link = $"/proc/self/fd/{handle.DangerousGetHandle()}";
        try
        {
            return File.Exists(link) ? new FileInfo(link).LinkTarget : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
