using PamOperator.Engine.Plans;

namespace PamOperator.Operator.Reconciling;

/// <summary>The plan of a batch (null when errors not tied to one object stopped it, see <see cref="Failure"/>).</summary>
internal sealed record BatchPlan(Plan? Plan, string? Failure);
