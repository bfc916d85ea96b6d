using FluentAssertions;
using PamOperator.Manifests.Crds;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Crds;

public class KustomizeTests
{
    /// <summary>The real kubectl (a dispatcher that picks a bundled version; kustomize needs no server) renders
    /// crds/ and every CRD comes out.</summary>
    [KubectlFact]
    public async Task KubectlKustomize_Crds_ListsEveryCrd()
    {
        var result = await Kubectl.KustomizeAsync(Repo.Path("crds"));

        result.ExitCode.Should().Be(0, result.ToString());
        var documents = YamlFile.Documents(result.Stdout, "kustomize-output.yaml");
        documents.Should().OnlyContain(d => d["kind"]!.GetValue<string>() == "CustomResourceDefinition");
        documents.Select(d => d["metadata"]!["name"]!.GetValue<string>())
            .Should().BeEquivalentTo(Catalogs.Default.AllWithProviderConfig.Select(k => $"{k.Plural}.{k.Group}"));
    }

    [Fact]
    public void Kustomization_ListsEveryGeneratedCrd()
    {
        var kustomization = YamlFile.Documents(CrdFiles.Render(Catalogs.Default).Single(f => f.Key == CrdFiles.Kustomization).Value).Single();

        kustomization["resources"]!.AsArray().Select(r => r!.GetValue<string>())
            .Should().BeEquivalentTo(Catalogs.Default.AllWithProviderConfig.Select(CrdFiles.FileName));
    }
}
