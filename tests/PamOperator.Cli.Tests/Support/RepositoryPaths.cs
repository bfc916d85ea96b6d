using System.Runtime.CompilerServices;

namespace PamOperator.Cli.Tests;

/// <summary>Paths inside the repository: PamOperator.sln found above the test binaries, or else above this source
/// file (builds with an artifacts path keep binaries outside the repository).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot(AppContext.BaseDirectory) ?? FindRoot(ThisFile()) ??
        throw new InvalidOperationException("PamOperator.sln not found");

    public static string Examples => Path.Combine(Root, "examples");

    private static string? FindRoot(string start)
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

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? path;
}
