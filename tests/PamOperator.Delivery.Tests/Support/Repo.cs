namespace PamOperator.Delivery.Tests.Support;

/// <summary>Paths into the repository: the tests read charts/, deploy/, crds/ and the Dockerfile in place.</summary>
public static class Repo
{
    public static string Root => RepositoryPaths.Root;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));
}
