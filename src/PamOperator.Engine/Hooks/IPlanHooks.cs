using PamOperator.Core.Schema;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Hooks;

/// <summary>
/// Progress of a plan run (after Terraform's <c>terraform.Hook</c>): the engine never prints; the CLI and the
/// operator implement this to show or log progress. Called on the planning thread, in this order: ObserveStarted,
/// ObserveFinished once per observed type (sorted), PlanFinished. Implementations must be fast and must not throw.
/// </summary>
public interface IPlanHooks
{
    /// <summary>Before the list calls: the wire types about to be observed.</summary>
    void ObserveStarted(IReadOnlyList<ObjectType> types);

    /// <summary>After observation, per type: how many live objects it holds.</summary>
    void ObserveFinished(ObjectType type, int objectCount);

    /// <summary>After planning: the summary and how many objects the plan mentions (no-ops included).</summary>
    void PlanFinished(PlanSummary summary, int changeCount);
}
