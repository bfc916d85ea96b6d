using NJsonSchema;
using NJsonSchema.Validation;

namespace PamOperator.Manifests.Validation;

/// <summary>One schema violation: <see cref="Path"/> is relative to the validated node (<c>ssh.x11</c>,
/// <c>timePolicy[0].validFrom</c>); for a missing property it names the missing child.</summary>
internal sealed record SchemaError(string Path, ValidationErrorKind Kind, JsonSchema? Schema);
