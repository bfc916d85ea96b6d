namespace PamOperator.Engine.Graph;

/// <summary>How a node of a walk ended.</summary>
public enum StepStatus
{
    Succeeded,

    /// <summary>The step ran and failed: a root cause.</summary>
    Failed,

    /// <summary>Not run because a dependency failed or was skipped.</summary>
    Skipped,
}
