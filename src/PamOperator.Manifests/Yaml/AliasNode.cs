using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

/// <summary>A use of an anchor (<c>*name</c>); <see cref="Target"/> is the anchored node, shared, not copied.</summary>
internal sealed record AliasNode(SourceNode Target, SourceLocation Location) : SourceNode(Location);
