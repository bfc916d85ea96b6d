namespace PamOperator.Engine.Execution;

/// <summary>The PAM write one <see cref="PlanStep"/> performs.</summary>
public enum StepOperation
{
    Create,
    Update,
    Delete,
}
