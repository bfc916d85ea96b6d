namespace PamOperator.Manifests.Cel;

/// <summary>
/// Evaluation failed as CEL defines it: an absent field read without <c>has()</c>, or operands of the wrong type.
/// The message names fields and types, never values.
/// </summary>
public sealed class CelEvaluationException : Exception
{
    public CelEvaluationException()
    {
    }

    public CelEvaluationException(string message)
        : base(message)
    {
    }

    public CelEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
