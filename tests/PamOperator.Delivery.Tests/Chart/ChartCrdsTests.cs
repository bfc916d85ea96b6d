using FluentAssertions;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Chart;

public class ChartCrdsTests
{
    /// <summary>Helm installs charts/pam-operator/crds/ before the templates; they must be the generated crds/ exactly
    /// (regenerate crds/ with `./pamctl crds`, then copy: `cp crds/*.yaml charts/pam-operator/crds/`).</summary>
    [Fact]
    public void ChartCrds_AreByteIdenticalCopiesOfRepositoryCrds()
    {
        var chartCrds = Directory.GetFiles(Repo.Path("charts", "pam-operator", "crds")).Select(f => Path.GetFileName(f));

        chartCrds.Should().BeEquivalentTo(CrdCatalog.Files, "the chart ships every CRD and nothing else");
        foreach (var file in CrdCatalog.Files)
        {
            File.ReadAllBytes(Repo.Path("charts", "pam-operator", "crds", file))
                .Should().Equal(File.ReadAllBytes(Repo.Path("crds", file)), $"charts/pam-operator/crds/{file} is stale: cp crds/*.yaml charts/pam-operator/crds/");
        }
    }

    [Fact]
    public void RepositoryCrds_AreTheProviderConfigAndEveryVendorKind()
    {
        CrdCatalog.Resources.Should().HaveCount(24).And.Contain(("pamoperator.io", "providerconfigs")).And.Contain(("fudo.pamoperator.io", "safes"))
            .And.Contain(("cyberark.pamoperator.io", "safes")).And.Contain(("cyberark.pamoperator.io", "accessrequests"))
            .And.Contain(("fudo.pamoperator.io", "servers")).And.Contain(("sps.pamoperator.io", "localusers")).And.Contain(("sps.pamoperator.io", "usergroupacls"))
            .And.Contain(("privx.pamoperator.io", "connectionaccessgrants")).And.Contain(("privx.pamoperator.io", "connectiontags"));
    }
}
