using FluentAssertions;
using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Planning;

public class PlannerScaleTests
{
    [Fact]
    public void Plan_FiftyThousandUnchangedObjects_PlansOnlyNoOps()
    {
        // Correctness only: timing belongs to the benchmark project (the planner is linear: dictionary lookups).
        const int count = 50_000;
        var desired = new List<ManifestObject>(count);
        var live = new List<LiveObject>(count);
        for (var i = 0; i < count; i++)
        {
            var name = $"safe-{i:D5}";
            desired.Add(Manifests.Safe(name, """{"requiredVotes":1,"ssh":{"x11":false}}"""));
            live.Add(Live.Safe(name, """{"requiredVotes":1,"ssh":{"x11":false}}"""));
        }

        var plan = Planner.Plan(new PlanRequest { Desired = desired, Kinds = TestCatalog.All, Live = new LiveState(live) });

        plan.Changes.Should().HaveCount(count);
        plan.Changes.Should().OnlyContain(c => c.Action == PlanAction.NoOp && c.Reason == null);
        plan.Changes[0].Address.ToString().Should().Be("fudo_safe.safe-00000");
        plan.Changes[^1].Address.ToString().Should().Be("fudo_safe.safe-49999");
        plan.Diagnostics.Should().BeEmpty();
        plan.Fingerprint.Objects.Should().HaveCount(count);
        plan.Summary.IsEmpty.Should().BeTrue();
    }
}
