namespace PamOperator.Manifests.Tests.TestSupport;

/// <summary>Paths into the repository (tests read crds/, examples/, docs/ and the corpus in place).</summary>
public static class Repo
{
    public static string Root => RepositoryPaths.Root;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Corpus(params string[] parts) => Path(["tests", "PamOperator.Manifests.Tests", "Corpus", .. parts]);
}
