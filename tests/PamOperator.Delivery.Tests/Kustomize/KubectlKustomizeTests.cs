using FluentAssertions;
using PamOperator.Delivery.Tests.Support;

namespace PamOperator.Delivery.Tests.Kustomize;

/// <summary>The real kubectl renders the base and the example overlay (kustomize needs no API server).</summary>
public class KubectlKustomizeTests
{
    [KubectlFact]
    public async Task Base_RendersTheOperatorAndEveryCrdUnchanged()
    {
        var objects = Yaml.Documents(await KustomizeAsync(Repo.Path("deploy", "kustomize", "base")));

        objects.Select(Node.Kind).Should().Contain(DeliveryObjects.OperatorKinds).And.Contain("Namespace");
        AssertCrdsIdentical(objects);
        objects.Where(o => Node.Kind(o) is "Deployment" or "ServiceAccount" or "Role" or "RoleBinding" or "Service")
            .Should().OnlyContain(o => Node.Text(o, "metadata.namespace") == "pam-system");
    }

    [KubectlFact]
    public async Task ExampleOverlay_MovesEverythingToItsNamespaceAndImage()
    {
        var objects = Yaml.Documents(await KustomizeAsync(Repo.Path("deploy", "kustomize", "overlays", "example")));

        AssertCrdsIdentical(objects);
        Node.Name(Node.OfKind(objects, "Namespace")).Should().Be("pam-operator");
        objects.Where(o => Node.Kind(o) is "Deployment" or "ServiceAccount" or "Role" or "RoleBinding" or "Service")
            .Should().OnlyContain(o => Node.Text(o, "metadata.namespace") == "pam-operator");
        objects.Where(o => Node.Kind(o) is "ClusterRoleBinding" or "RoleBinding")
            .Should().OnlyContain(b => Node.Text(Node.List(b, "subjects").Single(), "namespace") == "pam-operator", "kustomize follows the ServiceAccount");
        Node.Text(DeliveryObjects.Container(objects), "image").Should().Be("registry.example.com/platform/pam-operator:0.1.0");
        DeliveryObjects.Args(objects).Should().Contain("--namespace=pam-objects").And.Contain("--leader-elect=true");
    }

    private static void AssertCrdsIdentical(IReadOnlyList<object?> objects)
    {
        var crds = objects.Where(o => Node.Kind(o) == "CustomResourceDefinition").ToDictionary(Node.Name);

        crds.Keys.Should().BeEquivalentTo(CrdCatalog.ByName.Keys, "all 7 CRDs");
        foreach (var (name, crd) in CrdCatalog.ByName)
        {
            Yaml.DeepEquals(crds[name], crd).Should().BeTrue($"{name} must come out exactly as crds/ has it");
        }
    }

    private static async Task<string> KustomizeAsync(string directory)
    {
        var result = await Kubectl.KustomizeAsync(directory);
        result.ExitCode.Should().Be(0, result.ToString());
        return result.Stdout;
    }
}
