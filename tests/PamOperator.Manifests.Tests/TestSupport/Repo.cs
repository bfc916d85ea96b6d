using System.Runtime.CompilerServices;

namespace PamOperator.Manifests.Tests.TestSupport;

/// <summary>Paths into the repository (tests read crds/, examples/, docs/ and the corpus in place).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Corpus(params string[] parts) => Path(["tests", "PamOperator.Manifests.Tests", "Corpus", .. parts]);

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
