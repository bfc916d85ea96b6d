using System.Diagnostics;
using FluentAssertions;
using PamOperator.Manifests.Crds;
using PamOperator.Manifests.Kinds;
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
        var kubeconfig = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(KubectlFactAttribute.Kubectl, ["kustomize", Repo.Path("crds")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["KUBECONFIG"] = kubeconfig;
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            process.ExitCode.Should().Be(0, await error);
            var documents = YamlFile.Documents(await output, "kustomize-output.yaml");
            documents.Should().OnlyContain(d => d["kind"]!.GetValue<string>() == "CustomResourceDefinition");
            documents.Select(d => d["metadata"]!["name"]!.GetValue<string>())
                .Should().BeEquivalentTo(KindCatalog.AllWithProviderConfig.Select(k => $"{k.Plural}.{k.Group}"));
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public void Kustomization_ListsEveryGeneratedCrd()
    {
        var kustomization = YamlFile.Documents(CrdFiles.Render().Single(f => f.Key == CrdFiles.Kustomization).Value).Single();

        kustomization["resources"]!.AsArray().Select(r => r!.GetValue<string>())
            .Should().BeEquivalentTo(KindCatalog.AllWithProviderConfig.Select(CrdFiles.FileName));
    }
}
