namespace PamOperator.Kubernetes;

/// <summary>The patch formats the client sends.</summary>
public enum PatchType
{
    /// <summary>JSON merge patch (RFC 7386), <c>application/merge-patch+json</c>.</summary>
    Merge,
    /// <summary>JSON patch (RFC 6902), <c>application/json-patch+json</c>; the body is an array of operations.</summary>
    JsonPatch,
}
