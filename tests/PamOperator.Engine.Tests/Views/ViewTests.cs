using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Engine.Tests.TestSupport;
using PamOperator.Engine.Views;
using Xunit;

namespace PamOperator.Engine.Tests.Views;

public class ViewTests
{
    [Fact]
    public void HumanPlanView_NothingToDo_SaysNoChanges()
    {
        var plan = TestPlans.Make([Manifests.Safe("ops")], [Live.Safe("ops")]);

        HumanPlanView.Render(plan).Should().Be("\nNo changes. The live PAM matches the manifests.\n");
    }

    [Fact]
    public void HumanPlanView_WithErrors_SaysNothingWillChangeInsteadOfSummary()
    {
        var plan = TestPlans.Make([Manifests.Account("a", """{"server":"nowhere"}""")], []);

        var text = HumanPlanView.Render(plan);

        text.Should().Contain("Error: PAM301 spec.server: server \"nowhere\" does not exist\n  on accounts/a.yaml:6:3 (fudo_account.a)\n");
        text.Should().EndWith("Planning failed: fix the errors above. Nothing will be changed.\n").And.NotContain("Plan: ");
    }

    [Fact]
    public void HumanPlanView_Color_OnlyWhenAskedFor()
    {
        var plan = EveryActionPlan.Make();

        HumanPlanView.Render(plan).Should().NotContain("\u001b[");
        var colored = HumanPlanView.Render(plan, color: true);
        colored.Should().Contain("\u001b[32m+\u001b[0m").And.Contain("\u001b[35m-/+\u001b[0m");
        colored.Should().Contain("Plan: 4 to add, 2 to change, 4 to destroy.");
    }

    [Fact]
    public void JsonPlanView_Replace_HasTerraformShape()
    {
        var json = JsonNode.Parse(JsonPlanView.Render(EveryActionPlan.Make()))!;

        json["format_version"]!.GetValue<string>().Should().Be("1.2");
        var replace = json["resource_changes"]!.AsArray().Single(c => c!["address"]!.GetValue<string>() == "fudo_account.db-admin")!;
        replace["mode"]!.GetValue<string>().Should().Be("managed");
        replace["type"]!.GetValue<string>().Should().Be("fudo_account");
        replace["change"]!["actions"]!.ToJsonString().Should().Be("""["delete","create"]""");
        replace["change"]!["replace_paths"]!.ToJsonString().Should().Be("""[["type"]]""");
        replace["change"]!["after_sensitive"]!.ToJsonString().Should().Be("""{"secret":true}""");
        replace["change"]!["after"]!.AsObject().ContainsKey("secret").Should().BeFalse();
        json["resource_drift"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public void MarkdownPlanView_DestructiveChanges_ComeFirstInACautionBlock()
    {
        var markdown = MarkdownPlanView.Render(EveryActionPlan.Make());

        var caution = markdown.IndexOf("> [!CAUTION]", StringComparison.Ordinal);
        caution.Should().BePositive();
        caution.Should().BeLessThan(markdown.IndexOf("### Changes", StringComparison.Ordinal));
        markdown.Should().Contain("**This plan destroys 4 PAM object(s)**");
        markdown[..markdown.IndexOf("### Changes", StringComparison.Ordinal)].Should()
            .Contain("<code>fudo_safe.legacy-db</code> will be **destroyed**")
            .And.Contain("<code>fudo_account.db-admin</code> will be **replaced**");
    }
}
