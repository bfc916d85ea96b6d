namespace PamOperator.Engine.Graph;

/// <summary>What one walked step reports. <see cref="Error"/> is printed to users: it must never hold a secret.</summary>
public sealed record StepResult(bool Succeeded, string? Error = null, Exception? Exception = null)
{
    public static StepResult Success { get; } = new(true);

    public static StepResult Failure(string error, Exception? exception = null) => new(false, error, exception);
}
