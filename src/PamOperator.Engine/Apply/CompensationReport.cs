using PamOperator.Engine.Execution;

namespace PamOperator.Engine.Apply;

/// <summary>
/// The undo of one completed step after a failure: <see cref="Restored"/> when the PAM holds the old state again.
/// <see cref="Note"/> says what could not be restored exactly (a recreated object has a new id; a secret cannot be
/// put back because it is never read).
/// </summary>
public sealed record CompensationReport(PlanStep Step, bool Restored, string Message, string? Note = null);
