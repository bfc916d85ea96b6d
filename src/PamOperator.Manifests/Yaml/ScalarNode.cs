using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

/// <param name="Value">The scalar's text.</param>
/// <param name="IsPlain">Unquoted and untagged: its type is resolved by the YAML 1.2 core schema.</param>
/// <param name="Tag">Explicit tag (<c>tag:yaml.org,2002:str</c>, <c>!foo</c>), or null.</param>
/// <param name="Location">Where the scalar starts.</param>
internal sealed record ScalarNode(string Value, bool IsPlain, string? Tag, SourceLocation Location) : SourceNode(Location);
