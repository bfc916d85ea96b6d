using System.Text.Json.Nodes;

namespace PamOperator.Manifests.Yaml;

/// <summary>Writes a manifest document as YAML, deterministically and the way kubectl prints it (used by import).</summary>
public static class ManifestYaml
{
    public static string Write(JsonObject document) => YamlEmitter.Emit(document);
}
