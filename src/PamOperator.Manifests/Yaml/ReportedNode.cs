using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

/// <summary>A value that could not be read and was already reported (e.g. an unknown alias): it projects to null and
/// its path is marked so that later checks do not report it again.</summary>
internal sealed record ReportedNode(SourceLocation Location) : SourceNode(Location);
