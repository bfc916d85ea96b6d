namespace PamOperator.Manifests.Cel;

/// <summary>A rule's text is not in the supported CEL subset. Rules live in code, so this is a bug, found by tests.</summary>
public sealed class CelSyntaxException : Exception
{
    public CelSyntaxException()
    {
    }

    public CelSyntaxException(string message)
        : base(message)
    {
    }

    public CelSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
