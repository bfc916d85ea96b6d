using FluentAssertions;
using PamOperator.Core.Manifests;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Validation;

public class ControlFieldsTests
{
    [Theory]
    [InlineData("managementPolicies: [Observe]", ManagementPolicies.Observe, "observe only reports drift")]
    [InlineData("managementPolicies: ['*']", ManagementPolicies.All, "the wildcard")]
    [InlineData("managementPolicies: [Observe, Create, Update]", ManagementPolicies.Observe | ManagementPolicies.Create | ManagementPolicies.Update, "no delete")]
    public async Task Read_ManagementPolicies_AreParsedAndRemovedFromSpec(string line, ManagementPolicies expected, string reason)
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Safe", "s", line, "deletionPolicy: Orphan", "webclient: false"));

        var safe = result.Objects.Single();
        safe.Control.ManagementPolicies.Should().Be(expected, reason);
        safe.Control.DeletionPolicy.Should().Be(DeletionPolicy.Orphan);
        safe.Spec.Select(p => p.Key).Should().Equal("webclient");
    }

    [Theory]
    [InlineData("PAM208", "managementPolicies: ['*', Observe]", "the wildcard stands alone")]
    [InlineData("PAM105", "managementPolicies: [Observe, Observe]", "a set has no duplicates")]
    [InlineData("PAM105", "managementPolicies: [Read]", "not a policy")]
    [InlineData("PAM106", "managementPolicies: []", "empty would mean nothing at all; omit it for the default")]
    [InlineData("PAM105", "deletionPolicy: Keep", "Delete or Orphan")]
    [InlineData("PAM102", "providerConfigRef: {}", "a reference needs a name")]
    public async Task Read_InvalidControlField_ReportsCode(string code, string line, string reason)
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Safe", "s", line));

        result.Errors().Select(d => d.Code).Should().Equal([code], reason);
    }
}
