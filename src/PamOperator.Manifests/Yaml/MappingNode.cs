using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

/// <summary>A mapping with scalar keys, in document order, duplicates already removed (the first one wins).</summary>
internal sealed record MappingNode(IReadOnlyList<KeyValuePair<ScalarNode, SourceNode>> Entries, string? Tag, SourceLocation Location)
    : SourceNode(Location);
