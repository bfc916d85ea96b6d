namespace PamOperator.Cli.Import;

/// <summary>One manifest file import will write: where (<paramref name="FullPath"/>), how it is named to the user
/// (<paramref name="DisplayPath"/>), and its YAML.</summary>
internal sealed record ImportFile(string FullPath, string DisplayPath, string Text);
