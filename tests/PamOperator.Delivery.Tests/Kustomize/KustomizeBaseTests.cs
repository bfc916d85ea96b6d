using FluentAssertions;
using PamOperator.Delivery.Tests.Rendering;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Kustomize;

/// <summary>The plain-YAML base must be what the chart renders with its defaults (release pam-operator in pam-system),
/// so the two delivery forms cannot drift. Labels differ on purpose (Helm adds its own); specs must not.</summary>
public class KustomizeBaseTests
{
    private static readonly IReadOnlyList<object?> Chart = ChartRenderer.Chart.Objects("pam-operator", "pam-system");

    private static readonly IReadOnlyList<object?> Base = Yaml.Documents(string.Join(
        "\n---\n",
        Directory.GetFiles(Repo.Path("deploy", "kustomize", "base"), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Select(File.ReadAllText)));

    [Theory]
    [InlineData("Deployment", "spec", "args, probes, ports, security and resources")]
    [InlineData("Service", "spec", "the metrics Service")]
    [InlineData("ClusterRole", "rules", "least-privilege RBAC")]
    [InlineData("Role", "rules", "the Lease permissions")]
    [InlineData("ClusterRoleBinding", "subjects", "bound to the operator's ServiceAccount")]
    [InlineData("RoleBinding", "subjects", "bound to the operator's ServiceAccount")]
    [InlineData("RoleBinding", "roleRef", "bound to the Lease Role")]
    public void BaseObject_MatchesTheChartsDefaultRendering(string kind, string path, string what)
    {
        var fromBase = Node.At(Node.OfKind(Base, kind), path);
        var fromChart = Node.At(Node.OfKind(Chart, kind), path);

        Yaml.DeepEquals(fromBase, fromChart).Should().BeTrue($"{kind}.{path} ({what}) differs:\nbase:\n{Yaml.Serialize(fromBase)}\nchart:\n{Yaml.Serialize(fromChart)}");
        Node.Name(Node.OfKind(Base, kind)).Should().Be(Node.Name(Node.OfKind(Chart, kind)));
    }

    [Fact]
    public void Base_HasTheOperatorObjectsAndItsNamespace()
    {
        Base.Select(Node.Kind).Should().BeEquivalentTo([.. DeliveryObjects.OperatorKinds, "Namespace"]);
    }

    [Fact]
    public void Kustomization_TakesTheCrdsFromTheRepositoryCrdsDirectory()
    {
        var kustomization = Yaml.ParseMap(Repo.Read("deploy", "kustomize", "base", "kustomization.yaml"));
        var resources = Node.List(kustomization, "resources").Select(r => r!.ToString()!).ToList();

        resources.Should().Contain("../../../crds", "one source of truth for CRDs: no copy to keep in sync");
        resources.Where(r => r != "../../../crds").Select(r => Path.GetFileName(r))
            .Should().BeEquivalentTo(Directory.GetFiles(Repo.Path("deploy", "kustomize", "base"), "*.yaml")
                .Select(f => Path.GetFileName(f)).Where(f => f != "kustomization.yaml"), "every file of the base is listed");
    }
}
