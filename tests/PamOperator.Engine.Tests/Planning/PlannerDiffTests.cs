using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Planning;

public class PlannerDiffTests
{
    [Fact]
    public void Plan_SafeNotInPam_PlansCreateWithDefaultsApplied()
    {
        var plan = TestPlans.Make([Manifests.Safe("prod-db", """{"requiredVotes":2}""")], []);

        var change = plan.Change("fudo_safe.prod-db");
        change.Action.Should().Be(PlanAction.Create);
        change.ExternalId.Should().BeNull();
        change.Before.Should().BeNull();
        change.After!.ToJsonString().Should().Be(
            """{"blocked":false,"requiredVotes":2,"confirmationTimeout":5,"noteAccess":"none","ssh":{"x11":true,"shell":true}}""");
        plan.Summary.Should().Be(new PlanSummary(1, 0, 0));
    }

    [Fact]
    public void Plan_OmittedFieldsEqualLiveDefaults_PlansNoOp()
    {
        var plan = TestPlans.Make([Manifests.Safe("prod-db")], [Live.Safe("prod-db")]);

        plan.Change("fudo_safe.prod-db").Action.Should().Be(PlanAction.NoOp);
        plan.HasChanges.Should().BeFalse();
        plan.Diagnostics.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"blocked":true}""", "blocked", "false", "true", "boolean compared by value")]
    [InlineData("""{"requiredVotes":5}""", "requiredVotes", "0", "5", "integer compared by value")]
    [InlineData("""{"noteAccess":"write"}""", "noteAccess", "\"none\"", "\"write\"", "enum compared by value")]
    [InlineData("""{"description":"ops"}""", "description", "null", "\"ops\"", "string set where live has none")]
    [InlineData("""{"ssh":{"x11":false}}""", "ssh.x11", "true", "false", "nested object compared member-wise")]
    public void Plan_OneFieldDiffers_PlansUpdateOfThatFieldOnly(string spec, string path, string old, string @new, string reason)
    {
        var plan = TestPlans.Make([Manifests.Safe("prod-db", spec)], [Live.Safe("prod-db")]);

        var change = plan.Change("fudo_safe.prod-db");
        change.Action.Should().Be(PlanAction.Update, reason);
        change.FieldChanges.Should().ContainSingle(reason);
        var field = change.FieldChanges[0];
        field.Path.Should().Be(path, reason);
        (field.Old?.ToJsonString() ?? "null").Should().Be(old, reason);
        (field.New?.ToJsonString() ?? "null").Should().Be(@new, reason);
        field.ForcesReplacement.Should().BeFalse(reason);
        change.ExternalId.Should().Be(Live.IdOf("safe", "prod-db"));
    }

    [Fact]
    public void Plan_OmittedFieldWithoutDefault_UnsetsTheLiveValue()
    {
        var plan = TestPlans.Make([Manifests.Safe("prod-db")], [Live.Safe("prod-db", """{"description":"set by hand"}""")]);

        var field = plan.Change("fudo_safe.prod-db").FieldChanges.Should().ContainSingle().Subject;
        field.Path.Should().Be("description");
        field.Old!.GetValue<string>().Should().Be("set by hand");
        field.New.Should().BeNull("the manifest is the whole truth: omitted without a default means unset");
    }

    [Fact]
    public void Plan_LiveHasReadOnlyAttributesNotInSchema_IgnoresThem()
    {
        var live = Live.Safe("prod-db", """{"lastLogin":"2026-11-01 08:00:00+00","accounts":[{"id":"1"}],"modifiedAt":"x"}""");

        var plan = TestPlans.Make([Manifests.Safe("prod-db")], [live]);

        plan.Change("fudo_safe.prod-db").Action.Should().Be(PlanAction.NoOp);
    }

    [Fact]
    public void Plan_ReferenceDiffersOnlyInCase_PlansNoOp()
    {
        var desired = Manifests.Account("db-admin", """{"server":"DB-01","login":"root"}""");

        var plan = TestPlans.Make([desired], [Live.Account("db-admin")]);

        plan.Change("fudo_account.db-admin").Action.Should().Be(PlanAction.NoOp, "PAM names compare case-insensitively");
    }

    [Fact]
    public void Plan_TimePoliciesInAnotherOrder_PlansNoOp()
    {
        var desired = Manifests.UserSafe("alice-prod", """
            {"user":"alice","safe":"prod-db","timePolicy":[
              {"dayOfWeek":2,"validFrom":"08:00:00","validTo":"18:00:00"},{"dayOfWeek":1,"validFrom":"08:00:00","validTo":"18:00:00"}]}
            """);
        var live = Live.UserSafe("alice", "prod-db", """
            {"timePolicy":[{"dayOfWeek":1,"validFrom":"08:00:00","validTo":"18:00:00"},{"dayOfWeek":2,"validFrom":"08:00:00","validTo":"18:00:00"}]}
            """);

        var plan = TestPlans.Make([desired, Manifests.Safe("prod-db")], [live, Live.Safe("prod-db")]);

        plan.Change("fudo_user_safe_assignment.alice-prod").Action.Should().Be(PlanAction.NoOp, "time policies are a set");
    }

    [Fact]
    public void Plan_TimePolicyAdded_PlansUpdateOfTheWholeSet()
    {
        var desired = Manifests.UserSafe("alice-prod", """
            {"user":"alice","safe":"prod-db","timePolicy":[{"dayOfWeek":1,"validFrom":"08:00:00","validTo":"18:00:00"},
              {"dayOfWeek":6,"validFrom":"10:00:00","validTo":"12:00:00"}]}
            """);
        var live = Live.UserSafe("alice", "prod-db", """{"timePolicy":[{"dayOfWeek":1,"validFrom":"08:00:00","validTo":"18:00:00"}]}""");

        var plan = TestPlans.Make([desired, Manifests.Safe("prod-db")], [live, Live.Safe("prod-db")]);

        var change = plan.Change("fudo_user_safe_assignment.alice-prod");
        change.Action.Should().Be(PlanAction.Update);
        var field = change.FieldChanges.Should().ContainSingle().Subject;
        field.Path.Should().Be("timePolicy");
        field.New!.AsArray().Should().HaveCount(2);
        change.Key.Should().Be("user=alice,safe=prod-db");
    }

    [Fact]
    public void Plan_TimePoliciesRemovedFromManifest_ClearsThemInThePam()
    {
        var live = Live.UserSafe("alice", "prod-db", """{"timePolicy":[{"dayOfWeek":1,"validFrom":"08:00:00","validTo":"18:00:00"}]}""");

        var plan = TestPlans.Make([Manifests.UserSafe("alice-prod", """{"user":"alice","safe":"prod-db"}""")], [live, Live.Safe("prod-db")]);

        var field = plan.Change("fudo_user_safe_assignment.alice-prod").FieldChanges.Should().ContainSingle().Subject;
        field.New.Should().BeNull("an omitted list is the empty set");
    }

    [Fact]
    public void Plan_SameInputs_GivesIdenticalPlans()
    {
        Plan Make() => TestPlans.Make(
            [Manifests.Safe("b", """{"requiredVotes":1}"""), Manifests.Safe("a")],
            [Live.Safe("b"), Live.Safe("c")]);

        var first = Make();
        var second = Make();

        first.Changes.Select(c => c.Address.ToString()).Should().Equal("fudo_safe.a", "fudo_safe.b");
        first.Fingerprint.Value.Should().Be(second.Fingerprint.Value);
        JsonNode.DeepEquals(first.Change("fudo_safe.b").After, second.Change("fudo_safe.b").After).Should().BeTrue();
    }
}
