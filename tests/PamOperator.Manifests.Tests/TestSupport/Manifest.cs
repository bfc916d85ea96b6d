using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Tests.TestSupport;

/// <summary>Reads YAML text through the real facade, as standard input.</summary>
public static class Manifest
{
    public const string Fudo = "apiVersion: fudo.pamoperator.io/v1alpha1";

    public static Task<ManifestReadResult> ReadAsync(string yaml) => ManifestReader.ReadTextAsync(yaml, Catalogs.Default, CancellationToken.None);

    /// <summary>A one-object manifest of <paramref name="kind"/> named <paramref name="name"/> with a spec given as
    /// YAML lines (indented by the caller's two spaces).</summary>
    public static string Object(string kind, string name, params string[] specLines) =>
        $"{Fudo}\nkind: {kind}\nmetadata:\n  name: {name}\n" + (specLines.Length == 0 ? "" : "spec:\n" + string.Concat(specLines.Select(l => $"  {l}\n")));

    public static IReadOnlyList<string> Codes(this ManifestReadResult result) => [.. result.Diagnostics.Select(d => d.Code)];

    public static IReadOnlyList<Diagnostic> Errors(this ManifestReadResult result) =>
        [.. result.Diagnostics.Where(d => d.Severity == Severity.Error)];
}
