using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Yaml;

namespace PamOperator.Manifests.Validation;

/// <summary>What a check needs to report on one document: locations by path, the object address once known, and
/// the document's own diagnostics.</summary>
internal sealed class DocumentContext(Projection projection, SourceLocation start, Kinds.KindCatalog catalog)
{
    /// <summary>The kinds this document may be.</summary>
    public Kinds.KindCatalog Catalog => catalog;

    public DiagnosticBag Diagnostics { get; } = new();

    public string? Address { get; set; }

    public IReadOnlyDictionary<string, SourceLocation> Locations => projection.Locations;

    /// <summary>Paths whose values were unreadable and already reported while reading the YAML.</summary>
    public IReadOnlyList<string> Reported => projection.Reported;

    public SourceLocation Start => start;

    public bool HasErrors => Diagnostics.HasErrors;

    /// <summary>Where <paramref name="path"/> is written; for an absent path, its nearest written ancestor.</summary>
    public SourceLocation LocationOf(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (projection.Locations.TryGetValue(current, out var location))
            {
                return location;
            }

            current = JsonPaths.Parent(current);
        }

        return start;
    }

    public void Error(string code, string summary, string detail, string path) =>
        Diagnostics.Add(Diagnostic.Error(code, summary, detail, LocationOf(path), Address));

    public void Warning(string code, string summary, string detail, string path) =>
        Diagnostics.Add(Diagnostic.Warning(code, summary, detail, LocationOf(path), Address));
}
