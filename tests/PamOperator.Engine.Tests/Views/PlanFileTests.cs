using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Tests.TestSupport;
using PamOperator.Engine.Views;
using Xunit;

namespace PamOperator.Engine.Tests.Views;

public class PlanFileTests
{
    [Fact]
    public void SerializeDeserialize_RoundTripsEverythingButSecretReferences()
    {
        var plan = EveryActionPlan.Make();

        var text = PlanFile.Serialize(plan);
        var read = PlanFile.Deserialize(text);

        read.Diagnostics.Should().BeEmpty();
        read.Succeeded.Should().BeTrue();
        var back = read.Plan!;
        PlanFile.Serialize(back).Should().Be(text, "a read plan serializes to the same file");
        back.Fingerprint.Value.Should().Be(plan.Fingerprint.Value);
        back.Fingerprint.Objects.Should().Equal(plan.Fingerprint.Objects);
        back.Summary.Should().Be(plan.Summary);
        foreach (var (original, copy) in plan.Changes.Zip(back.Changes))
        {
            copy.Address.Should().Be(original.Address);
            copy.Actions.Should().Equal(original.Actions);
            copy.ExternalId.Should().Be(original.ExternalId);
            copy.Dependencies.Should().Equal(original.Dependencies);
            JsonNode.DeepEquals(copy.After, original.After).Should().BeTrue();
            copy.Secrets.Select(s => (s.Path, s.ReferenceDigest)).Should().Equal(original.Secrets.Select(s => (s.Path, s.ReferenceDigest)));
            copy.Secrets.Should().NotContain(s => s.Reference != null, "references are not saved");
        }

        back.Changes.SelectMany(c => c.Secrets).Should().HaveCount(2, "the replace and the rotation each send one secret");
    }

    [Fact]
    public void BindSecrets_SameManifests_RestoresReferences()
    {
        var read = PlanFile.Deserialize(PlanFile.Serialize(EveryActionPlan.Make())).Plan!;

        var bound = PlanFile.BindSecrets(read, EveryActionPlan.Desired);

        bound.Succeeded.Should().BeTrue();
        bound.Plan!.Change("fudo_account.db-admin").Secrets.Single().Reference!.ToJsonString()
            .Should().Contain(EveryActionPlan.SecretEnv);
    }

    [Fact]
    public void BindSecrets_ReferenceChangedSincePlan_ReportsMismatch()
    {
        var read = PlanFile.Deserialize(PlanFile.Serialize(EveryActionPlan.Make())).Plan!;
        var changed = EveryActionPlan.Desired.Select(m => m.Name == "db-admin"
            ? m with { Spec = JsonNode.Parse(m.Spec.ToJsonString().Replace(EveryActionPlan.SecretEnv, "OTHER", StringComparison.Ordinal))!.AsObject() }
            : m);

        var bound = PlanFile.BindSecrets(read, changed);

        bound.Succeeded.Should().BeFalse();
        bound.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.PlanFileSecretMismatch && d.Address == "fudo_account.db-admin");
    }

    [Theory]
    [InlineData("""{"formatVersion":99,"changes":[]}""", "format version", "another version is refused")]
    [InlineData("""{"formatVersion":1,"changes":[]}""", "format version", "format 1 (one PAM, no sections) is refused: plan again")]
    [InlineData("""{"formatVersion":2,"pams":[{"name":"a","changes":[{"action":"create"}]""", "not valid plan JSON", "truncated JSON")]
    [InlineData("""{"formatVersion":2,"pams":[]}""", "holds no PAM", "a plan of no PAM")]
    [InlineData("""{"formatVersion":2,"pams":[{"name":"default","fingerprint":{"value":"x","observedTypes":[],"objects":[]},"changes":[{"address":{"vendor":"fudo","kind":"Safe","name":"a"},"type":{"group":"fudo.pamoperator.io","wireType":"safe"},"key":"a","action":"explode"}]}]}""", "not valid plan JSON", "unknown action")]
    [InlineData("[]", "format version", "not an object")]
    public void Deserialize_InvalidFile_ReportsDiagnostic(string json, string expected, string reason)
    {
        var read = PlanFile.Deserialize(json, "plan.json");

        read.Plan.Should().BeNull(reason);
        var d = read.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.PlanFileInvalid, reason);
        d.Summary.Should().Contain("plan.json").And.Contain(expected, reason);
    }
}
