using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

/// <summary>One YAML document of a file. <see cref="Root"/> is null for an empty document. <see cref="Start"/> is
/// where its content starts (its first key), else its <c>---</c> marker.</summary>
internal sealed record ParsedDocument(SourceNode? Root, SourceLocation Start);
