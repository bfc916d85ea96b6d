using System.Runtime.CompilerServices;

namespace PamOperator.TestSupport;

/// <summary>Finds the repository root (the directory holding PamOperator.sln) from the binaries or this source file.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Find(AppContext.BaseDirectory) ?? Find(SourceDirectory())
        ?? throw new InvalidOperationException("PamOperator.sln not found above the test binaries or sources");

    public static string Crds => Path.Combine(Root, "crds");

    public static string Examples => Path.Combine(Root, "examples");

    public static string Quickstart => Path.Combine(Root, "examples", "quickstart");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PamOperator.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
