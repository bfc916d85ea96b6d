namespace PamOperator.Core.Schema;

/// <summary>
/// A rule that JSON Schema cannot state, written once as a CEL expression (the Kubernetes
/// <c>x-kubernetes-validations</c> subset). The CRD ships <see cref="Rule"/> verbatim; the CLI evaluates the same text.
/// </summary>
/// <param name="Code">Diagnostic code reported when the rule fails (see <c>DiagnosticCodes</c>).</param>
/// <param name="Rule">CEL expression over <c>self</c> (the node the rule is attached to) that must be true.
/// Rules that mention <c>oldSelf</c> are transition rules: only the API server evaluates them, on update.</param>
/// <param name="Message">One line saying what is wrong; the CRD message and the diagnostic summary.</param>
/// <param name="Hint">What to do about it; the diagnostic detail.</param>
/// <param name="FieldPath">Kubernetes field path relative to the node (e.g. <c>.blocked</c>) that the failure is
/// reported at; null for the node itself.</param>
public sealed record ValidationRule(string Code, string Rule, string Message, string Hint, string? FieldPath = null)
{
    /// <summary>The Kubernetes reason the CRD reports when the rule fails (<c>FieldValueRequired</c>,
    /// <c>FieldValueForbidden</c>, <c>FieldValueDuplicate</c>, <c>FieldValueInvalid</c>); null = derived from the
    /// generic codes, else <c>FieldValueInvalid</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>True when the rule compares with the previous object (<c>oldSelf</c>): a transition rule.</summary>
    public bool IsTransition => Rule.Contains("oldSelf", StringComparison.Ordinal);
}
