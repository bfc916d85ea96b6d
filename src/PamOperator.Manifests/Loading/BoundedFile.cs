namespace PamOperator.Manifests.Loading;

/// <summary>
/// Reads a whole file that the user (or a manifest) named, without trusting what it is: at most
/// <c>maxBytes</c> bytes, within a timeout (opening a FIFO blocks until a writer comes), and only a regular file: the
/// bytes read must be exactly as many as the file system says the file holds, which a device (<c>/dev/zero</c>),
/// a FIFO or a <c>/proc</c> file never satisfies. Never throws for what the file is; I/O errors come back as a status.
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
    }

    /// <summary>The bytes when <see cref="Status.Read"/>; else null, with <paramref name="error"/> naming an I/O error
    /// (its type name) for <see cref="Status.Unreadable"/>.</summary>
    public static Status Read(string path, int maxBytes, TimeSpan timeout, out byte[]? bytes, out string? error)
    {
        bytes = null;
        error = null;
        var read = Task.Run(() => ReadBounded(path, maxBytes));
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

    private static (Status, byte[]?) ReadBounded(string named, int maxBytes)
    {
        // The size of the file a link leads to, not of the link.
        var path = Secrets.RealPath.Of(named) ?? named;
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return (Status.Missing, null);
        }

        var expected = info.Length;
        if (expected > maxBytes)
        {
            return (Status.TooLarge, null);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var buffer = new byte[(int)Math.Min(maxBytes + 1L, expected + 1)];
        var total = 0;
        int n;
        while ((n = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += n;
            if (total > expected)
            {
                // More than the file system says the file holds: a device or a pseudo-file; stop reading.
                return (Status.NotRegular, null);
            }
        }

        return total != expected ? (Status.NotRegular, null) : (Status.Read, buffer[..total]);
    }
}
