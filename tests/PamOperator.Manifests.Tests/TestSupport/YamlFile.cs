using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Yaml;

namespace PamOperator.Manifests.Tests.TestSupport;

/// <summary>Parses YAML (CRDs, kubectl output) into JSON with the product's own reader, failing on any diagnostic.</summary>
public static class YamlFile
{
    public static IReadOnlyList<JsonObject> Documents(string text, string name = "test.yaml")
    {
        var diagnostics = new DiagnosticBag();
        var documents = YamlStreamReader.Read(name, text, diagnostics)
            .Where(d => d.Root is not null)
            .Select(d => JsonProjector.Project(d.Root!, diagnostics).Json)
            .OfType<JsonObject>()
            .ToList();
        if (diagnostics.Count > 0)
        {
            throw new InvalidOperationException($"{name} is not clean YAML: {string.Join("; ", diagnostics)}");
        }

        return documents;
    }
}
