using PamOperator.Engine.Execution;
using PamOperator.Engine.Graph;

namespace PamOperator.Engine.Apply;

/// <summary>What happened to one step. <see cref="Message"/> is safe to print (no secret); for a skipped step it
/// starts with <c>upstream failed: </c> and names the root cause.</summary>
public sealed record StepReport(PlanStep Step, StepStatus Status, TimeSpan Elapsed, string? ExternalId = null, string? Message = null);
