using PamOperator.Core.Schema;

namespace PamOperator.Manifests.Validation;

/// <summary>The parts of a document around its spec: kind, <c>metadata</c>.</summary>
internal sealed record Envelope(
    KindDescriptor Kind,
    string Name,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations);
