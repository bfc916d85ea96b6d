using System.Runtime.CompilerServices;

namespace PamOperator.Delivery.Tests.Support;

/// <summary>Paths into the repository: the tests read charts/, deploy/, crds/ and the Dockerfile in place.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        // The source path is recorded at compile time, so this works wherever the tests run from (--artifacts-path).
        var directory = System.IO.Path.GetDirectoryName(thisFile);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory, "PamOperator.sln")))
        {
            directory = System.IO.Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException($"repository root not found above {thisFile}");
    }
}
