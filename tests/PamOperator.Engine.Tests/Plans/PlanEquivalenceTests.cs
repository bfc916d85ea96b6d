using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;
using PamOperator.Engine.Views;
using Xunit;

namespace PamOperator.Engine.Tests.Plans;

/// <summary>A saved plan runs only when it equals the recomputed one; every kind of edit is a difference.</summary>
public class PlanEquivalenceTests
{
    private static Plan Saved() => PlanFile.Deserialize(PlanFile.Serialize(EveryActionPlan.Make())).Plan!;

    private static Plan Edited(Func<JsonObject, JsonObject> edit) =>
        PlanFile.Deserialize(edit(JsonNode.Parse(PlanFile.Serialize(EveryActionPlan.Make()))!.AsObject()).ToJsonString()).Plan!;

    private static JsonObject Change(JsonObject plan, string address) =>
        plan["pams"]![0]!["changes"]!.AsArray().Select(c => c!.AsObject()).First(c => $"{c["address"]!["type"]}.{c["address"]!["name"]}" == address);

    [Fact]
    public void Differences_SavedAndReadBack_AreNone()
    {
        PlanEquivalence.Differences(Saved(), EveryActionPlan.Make()).Should().BeEmpty("a plan read back equals the plan it was saved from");
    }

    [Fact]
    public void Differences_LocationsDiffer_AreNone()
    {
        var moved = Edited(p =>
        {
            foreach (var c in p["pams"]![0]!["changes"]!.AsArray())
            {
                c!.AsObject().Remove("location");
            }

            return p;
        });

        PlanEquivalence.Differences(moved, EveryActionPlan.Make()).Should().BeEmpty("a location depends on the working directory only");
    }

    [Fact]
    public void Differences_FieldValueEdited_NamesTheMember()
    {
        var edited = Edited(p =>
        {
            Change(p, "fudo_account.db-admin")["after"]!["login"] = "someone-else";
            return p;
        });

        PlanEquivalence.Differences(edited, EveryActionPlan.Make()).Should().Equal("fudo_account.db-admin: after differs");
    }

    [Fact]
    public void Differences_ActionChangedToDelete_NamesTheMember()
    {
        var edited = Edited(p =>
        {
            Change(p, "fudo_account.db-admin")["action"] = "delete";
            return p;
        });

        PlanEquivalence.Differences(edited, EveryActionPlan.Make()).Should().Contain("fudo_account.db-admin: action differs");
    }

    [Fact]
    public void Differences_ChangeAddedTwice_IsReported()
    {
        var edited = Edited(p =>
        {
            p["pams"]![0]!["changes"]!.AsArray().Add(p["pams"]![0]!["changes"]![0]!.DeepClone());
            return p;
        });

        PlanEquivalence.Differences(edited, EveryActionPlan.Make()).Should().ContainSingle(d => d.Contains("appears more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Differences_ChangeRemoved_IsReported()
    {
        var edited = Edited(p =>
        {
            p["pams"]![0]!["changes"]!.AsArray().RemoveAt(0);
            return p;
        });

        PlanEquivalence.Differences(edited, EveryActionPlan.Make()).Should().ContainSingle(d => d.Contains("not in the saved plan", StringComparison.Ordinal));
    }

    [Fact]
    public void Differences_FingerprintValueEdited_IsReported()
    {
        var edited = Edited(p =>
        {
            p["pams"]![0]!["fingerprint"]!["value"] = new string('a', 64);
            return p;
        });

        PlanEquivalence.Differences(edited, EveryActionPlan.Make()).Should().Equal("the fingerprint differs");
    }

    [Theory]
    [InlineData("""{"formatVersion":2,"pams":[{"name":"a","fingerprint":null,"changes":[]}]}""", "fingerprint of PAM a is missing")]
    [InlineData("""{"formatVersion":2,"pams":[{"name":"a","fingerprint":{"value":"","observedTypes":[],"objects":[]},"changes":[]}]}""", "fingerprint of PAM a is missing")]
    [InlineData("""{"formatVersion":2,"pams":[{"name":"a","changes":[]}]}""", "not valid plan JSON")]
    [InlineData("""{"formatVersion":1e400,"pams":[]}""", "format version")]
    [InlineData("""{"formatVersion":2,"pams":[null]}""", "section is empty")]
    [InlineData("""{"formatVersion":2,"pams":[{"name":"a","fingerprint":{"value":"0000000000000000000000000000000000000000000000000000000000000000","observedTypes":[],"objects":[]},"changes":[null]}]}""", "empty entries")]
    public void Deserialize_IncompletePlan_IsPlanFileInvalid(string json, string why)
    {
        var read = PlanFile.Deserialize(json);

        read.Succeeded.Should().BeFalse();
        read.Diagnostics.Should().ContainSingle(d => d.Code == "PAM312" && d.Summary.Contains(why, StringComparison.Ordinal));
    }
}
