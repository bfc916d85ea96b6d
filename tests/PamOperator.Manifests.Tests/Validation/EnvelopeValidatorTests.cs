using FluentAssertions;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Validation;

public class EnvelopeValidatorTests
{
    [Theory]
    [InlineData("PAM101", 2, "kind: Vault\nmetadata: {name: x}\n", "unknown kind")]
    [InlineData("PAM101", 1, "kind: Safe\nmetadata: {name: x}\n", "known kind in another version", "fudo.pamoperator.io/v1")]
    [InlineData("PAM102", 1, "metadata: {name: x}\n", "kind missing")]
    [InlineData("PAM102", 1, "kind: Safe\n", "metadata missing")]
    [InlineData("PAM102", 3, "kind: Safe\nmetadata: {labels: {a: b}}\n", "name missing")]
    [InlineData("PAM110", 3, "kind: Safe\nmetadata: {name: Prod_DB}\n", "not a DNS subdomain")]
    [InlineData("PAM110", 3, "kind: Safe\nmetadata: {name: x, namespace: Team_A}\n", "namespace not a DNS label")]
    [InlineData("PAM104", 3, "kind: Safe\nmetadata: {name: x, labels: {replicas: 3}}\n", "label values are strings")]
    [InlineData("PAM103", 3, "kind: Safe\nmetadata: {name: x, uid: '1'}\n", "only name, namespace, labels, annotations")]
    [InlineData("PAM103", 4, "kind: Safe\nmetadata: {name: x}\nstatus: {}\n", "status is the operator's")]
    [InlineData("PAM104", 4, "kind: Safe\nmetadata: {name: x}\nspec: [a]\n", "spec is a mapping")]
    [InlineData("PAM110", 3, "kind: Safe\nmetadata: {name: x, annotations: {pamoperator.io/external-name: ''}}\n", "an empty external name")]
    public async Task Read_BadEnvelope_ReportsCodeAtLine(string code, int line, string rest, string reason, string group = "fudo.pamoperator.io/v1alpha1")
    {
        var result = await Manifest.ReadAsync($"apiVersion: {group}\n{rest}");

        result.Errors().Should().ContainSingle(reason).Which.Should().Match<Core.Diagnostics.Diagnostic>(d => d.Code == code && d.Location!.Line == line);
    }

    [Fact]
    public async Task Read_UnknownKind_ListsTheKnownKinds()
    {
        var result = await Manifest.ReadAsync("apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safes\nmetadata: {name: x}\n");

        result.Errors().Single().Detail.Should().Contain("fudo.pamoperator.io/v1alpha1 UserSafeAssignment").And.Contain("Did you mean 'Safe'?");
    }

    [Theory]
    [InlineData("- a\n- b\n", "a list")]
    [InlineData("just text\n", "a scalar")]
    public async Task Read_DocumentThatIsNotAMapping_ReportsPam111(string text, string reason)
    {
        var result = await Manifest.ReadAsync(text);

        result.Codes().Should().Equal(["PAM111"], reason);
    }

    [Fact]
    public async Task Read_ExternalName_GivesThePamNameAndKey()
    {
        var result = await Manifest.ReadAsync(
            "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: legacy\n  annotations:\n    pamoperator.io/external-name: \"Legacy Safe #1\"\n");

        var safe = result.Objects.Single();
        safe.ExternalName.Should().Be("Legacy Safe #1");
        safe.Key.Should().Be("Legacy Safe #1");
        safe.Name.Should().Be("legacy");
    }

    [Fact]
    public async Task Read_ProviderConfigWithNamespace_WarnsAndIgnoresIt()
    {
        var result = await Manifest.ReadAsync(
            "apiVersion: pamoperator.io/v1alpha1\nkind: ProviderConfig\nmetadata: {name: p, namespace: team}\nspec:\n  vendor: fudo\n  endpoint: https://f\n  credentials: {valueFrom: {env: K}}\n");

        result.Codes().Should().Equal("PAM112");
        result.ProviderConfigs.Should().ContainSingle();
    }
}
