using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>Shortcuts to run the planner over the test catalog.</summary>
internal static class TestPlans
{
    public static Plan Make(IEnumerable<ManifestObject> desired, IEnumerable<LiveObject> live, PlanOptions? options = null, IEnumerable<ManifestObject>? removed = null) =>
        Planner.Plan(new PlanRequest
        {
            Desired = [.. desired],
            Kinds = TestCatalog.All,
            Live = new LiveState(live.Concat(Live.Surroundings())),
            Options = options ?? PlanOptions.Default,
            Removed = [.. removed ?? []],
        });

    public static ResourceChange Change(this Plan plan, string address) =>
        plan.Changes.Single(c => c.Address.ToString() == address);
}
