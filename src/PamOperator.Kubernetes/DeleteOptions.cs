namespace PamOperator.Kubernetes;

/// <summary>Optional DELETE preconditions and propagation policy ("Background", "Foreground", "Orphan").</summary>
public sealed record DeleteOptions(string? PreconditionResourceVersion = null, string? PreconditionUid = null, string? PropagationPolicy = null);
