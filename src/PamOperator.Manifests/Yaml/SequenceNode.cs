using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

internal sealed record SequenceNode(IReadOnlyList<SourceNode> Items, string? Tag, SourceLocation Location) : SourceNode(Location);
