namespace PamOperator.Manifests.Loading;

/// <summary>One file to read: <see cref="DisplayPath"/> is how diagnostics name it (the path as the user gave it, or
/// <c>&lt;stdin&gt;</c>); <see cref="FullPath"/> is null for standard input. <see cref="Root"/> is the <c>-f</c> input it
/// came from (the directory given, or the file's own directory; the working directory for standard input): the
/// default secrets root of its manifests.</summary>
internal sealed record InputSource(string DisplayPath, string? FullPath, string? Root = null)
{
    public const string StdinName = "<stdin>";

    public static InputSource Stdin { get; } = new(StdinName, null);

    public bool IsStdin => FullPath is null;

    /// <summary>Directory that relative paths in the file (secret files, CA files) are resolved against.</summary>
    public string BaseDirectory => FullPath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(FullPath)!;

    /// <summary>The default secrets root (see the type's summary).</summary>
    public string SecretsRoot => Root ?? BaseDirectory;
}
