using FluentAssertions;
using PamOperator.Manifests.Crds;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Crds;

/// <summary>The operator's ClusterRole rules are generated from the registry; the chart and kustomize hold the same.</summary>
public class RbacRulesTests
{
    [Theory]
    [InlineData("charts/pam-operator/templates/clusterrole.yaml")]
    [InlineData("deploy/kustomize/base/clusterrole.yaml")]
    public void ClusterRole_GeneratedRegion_IsExactlyWhatTheRegistryGives(string file)
    {
        var text = File.ReadAllText(Repo.Path(file.Split('/')));

        RbacRules.Region(text).Should().Be(RbacRules.Render(Catalogs.Default),
            $"{file} is regenerated with `./pamctl crds --rbac {file}` whenever a vendor or kind changes");
    }

    [Fact]
    public void Render_GrantsEveryKindOfEveryGroup_WithItsStatus()
    {
        var rules = RbacRules.Render(Catalogs.Default);

        foreach (var kind in Catalogs.Default.AllWithProviderConfig)
        {
            rules.Should().Contain($"\"{kind.Plural}\"").And.Contain($"\"{kind.Plural}/status\"").And.NotContain("/finalizers");
            rules.Should().Contain($"apiGroups: [\"{kind.Group}\"]");
        }
    }

    [Fact]
    public void Replace_FileWithoutRegion_IsNull()
    {
        RbacRules.Replace("rules: []\n", RbacRules.Render(Catalogs.Default)).Should().BeNull();
    }
}
