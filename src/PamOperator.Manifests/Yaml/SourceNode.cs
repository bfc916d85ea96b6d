using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

/// <summary>A YAML node as written, with where it starts. Aliases stay aliases so that expansion can be bounded.</summary>
internal abstract record SourceNode(SourceLocation Location);
