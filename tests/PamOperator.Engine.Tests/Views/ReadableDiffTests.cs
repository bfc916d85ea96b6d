using FluentAssertions;
using PamOperator.Engine.Tests.TestSupport;
using PamOperator.Engine.Views;
using Xunit;

namespace PamOperator.Engine.Tests.Views;

/// <summary>Diffs read like the tools users know: a create shows the fields the manifest sets and folds the defaults
/// into one line (JSON stays complete), and a time policy changes one window a line.</summary>
public class ReadableDiffTests
{
    [Fact]
    public void Create_ShowsTheManifestFields_AndFoldsTheDefaultsIntoOneLine()
    {
        var plan = TestPlans.Make([Manifests.Safe("ops", """{"requiredVotes":2}""")], []);

        var text = HumanPlanView.Render(plan);
        var body = text.Split('\n').Where(l => l.StartsWith("      ", StringComparison.Ordinal)).ToList();

        body.Should().Contain(l => l.Contains("+ requiredVotes") && l.Contains("= 2"));
        body.Should().HaveCount(2, "one line set in the manifest, one line for the defaults: " + text);
        body[^1].Should().MatchRegex(@"# \d+ more field\(s\) at the PAM's defaults: ");
        var change = plan.Change("fudo_safe.ops");
        change.DefaultedPaths.Should().NotBeEmpty().And.NotContain("requiredVotes");
        JsonPlanView.Render(plan).Should().Contain(change.DefaultedPaths[0], "JSON keeps every field");
    }

    [Fact]
    public void TimePolicyChange_IsOneLinePerWindow()
    {
        var desired = Manifests.UserSafe("alice-prod", """
            {"user":"alice","safe":"prod-db","timePolicy":[{"dayOfWeek":1,"validFrom":"08:00:00","validTo":"18:00:00"},
              {"dayOfWeek":6,"validFrom":"10:00:00","validTo":"12:00:00"}]}
            """);
        var live = Live.UserSafe("alice", "prod-db", """{"timePolicy":[{"dayOfWeek":1,"validFrom":"08:00:00","validTo":"18:00:00"},{"dayOfWeek":2,"validFrom":"08:00:00","validTo":"18:00:00"}]}""");
        var plan = TestPlans.Make([desired, Manifests.Safe("prod-db")], [live, Live.Safe("prod-db")]);

        var lines = HumanPlanView.Render(plan).Split('\n');

        lines.Should().Contain(l => l.TrimStart().StartsWith("~ timePolicy = [", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal) && l.Contains("\"dayOfWeek\":2"));
        lines.Should().ContainSingle(l => l.TrimStart().StartsWith("+ ", StringComparison.Ordinal) && l.Contains("\"dayOfWeek\":6"));
        lines.Should().ContainSingle(l => l.Contains("\"dayOfWeek\":1") && !l.Contains("\"dayOfWeek\":2"), "the kept window is its own line");
        lines.Should().OnlyContain(l => l.Length < 120, "no window list on one long line");
    }
}
