namespace PamOperator.Simulators.Common.Storage;

/// <summary>
/// Files only their owner can read (mode 0600): the simulator's database and its SQLite side files. No-op on Windows,
/// where a new file inherits the folder's ACL.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>The mode every database file gets: read and write for the owner, nothing for anyone else.</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly string[] SideFiles = ["-wal", "-shm", "-journal"];

    /// <summary>
    /// Called before SQLite opens <paramref name="path"/>: creates it empty with mode 0600 when missing, and narrows an
    /// existing file (and its <c>-wal</c>, <c>-shm</c>, <c>-journal</c> side files) to 0600. SQLite creates side files
    /// later with the mode of the database file. Idempotent.
    /// </summary>
    public static void Prepare(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Mode,
            });
        }

        foreach (var file in SideFiles.Select(s => path + s).Prepend(path).Where(File.Exists))
        {
            File.SetUnixFileMode(file, Mode);
        }
    }

    /// <summary>Writes <paramref name="contents"/> to a new or replaced file with mode <paramref name="mode"/>
    /// (default 0600). The mode is applied also when the file already existed.</summary>
    public static void WriteAllText(string path, string contents, UnixFileMode mode = Mode)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, contents);
            return;
        }

        using (var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = mode,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }

        File.SetUnixFileMode(path, mode);
    }
}
