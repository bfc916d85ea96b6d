namespace PamOperator.Engine.Graph;

/// <summary>
/// The end of one node of a walk. For <see cref="StepStatus.Failed"/>, <see cref="Message"/> is the step's error; for
/// <see cref="StepStatus.Skipped"/>, <c>upstream failed: &lt;root name&gt;</c>, and <see cref="RootCause"/> names the
/// failed node that caused the skip (transitively).
/// </summary>
public sealed record NodeOutcome<T>(T Node, StepStatus Status, string? Message = null, string? RootCause = null, Exception? Exception = null)
    where T : notnull
{
    public const string UpstreamFailedPrefix = "upstream failed: ";
}
