using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Execution;

namespace PamOperator.Engine.Apply;

/// <summary>
/// The write an apply failed on, named as the user declared it: <see cref="Name"/> (<c>Account/db-admin</c>), the plan
/// address, where the manifest declares it, the operation, and the PAM's message with the wire ids it named replaced
/// by objects (<see cref="PamMessageText"/>: sanitised, bounded, no secret).
/// </summary>
public sealed record ApplyFailure(PlanStep Step, string Message)
{
    /// <summary><c>Kind/metadata.name</c>.</summary>
    public string Name => PamMessageText.NameOf(Step.Change);

    public string Address => Step.Change.Address.ToString();

    /// <summary><c>create</c>, <c>update</c> or <c>delete</c>.</summary>
    public string Operation => Step.Operation.ToString().ToLowerInvariant();

    /// <summary>Where the manifest declares the object; null for an undeclared live object (prune).</summary>
    public SourceLocation? Location => Step.Change.Location;

    /// <summary>One line: <c>create Account/db-admin: MESSAGE</c>.</summary>
    public override string ToString() => $"{Operation} {Name}: {Message}";
}
