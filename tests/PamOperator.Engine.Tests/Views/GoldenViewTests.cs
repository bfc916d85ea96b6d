using FluentAssertions;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;
using PamOperator.Engine.Views;
using Xunit;

namespace PamOperator.Engine.Tests.Views;

public class GoldenViewTests
{
    private static readonly Plan Plan = EveryActionPlan.Make();

    [Fact]
    public void EveryActionPlan_HasEveryActionAndNoDiagnostics()
    {
        Plan.Diagnostics.Should().BeEmpty();
        Plan.Changes.Select(c => c.Action).Distinct().Should().BeEquivalentTo(Enum.GetValues<PlanAction>());
        Plan.Changes.Should().Contain(c => c.IsDriftOnly).And.Contain(c => c.Reason == ChangeReasons.Orphaned);
        Plan.Summary.Should().Be(new PlanSummary(Add: 4, Change: 2, Destroy: 4));
    }

    [Fact]
    public void HumanPlanView_EveryAction_MatchesGolden() =>
        Golden.Verify("plan-every-action.txt", HumanPlanView.Render(Plan));

    [Fact]
    public void JsonPlanView_EveryAction_MatchesGolden() =>
        Golden.Verify("plan-every-action.json", JsonPlanView.Render(Plan));

    [Fact]
    public void MarkdownPlanView_EveryAction_MatchesGolden() =>
        Golden.Verify("plan-every-action.md", MarkdownPlanView.Render(Plan));
}
