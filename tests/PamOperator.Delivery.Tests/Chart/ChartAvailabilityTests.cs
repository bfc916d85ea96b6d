using FluentAssertions;
using PamOperator.Delivery.Tests.Rendering;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Chart;

/// <summary>Issue #12 item 6: two replicas survive a drain and spread over nodes; Secrets stay in the watched
/// namespace when one is set; cluster-scoped names carry the release namespace.</summary>
public class ChartAvailabilityTests
{
    [Theory]
    [InlineData(2, true)]
    [InlineData(1, false)]
    public void MoreThanOneReplica_GetsAPodDisruptionBudgetAndTopologySpread(long replicas, bool expected)
    {
        var objects = ChartRenderer.Chart.Objects("pam-operator", "pam-system", Yaml.ParseMap($"replicas: {replicas}"));
        var pod = Node.Map(Node.OfKind(objects, "Deployment"), "spec.template.spec");

        objects.Any(o => Node.Kind(o) == "PodDisruptionBudget").Should().Be(expected);
        pod.ContainsKey("topologySpreadConstraints").Should().Be(expected);
        if (expected)
        {
            var pdb = Node.OfKind(objects, "PodDisruptionBudget");
            var spread = Node.List(pod, "topologySpreadConstraints").Single();
            var selector = Node.Map(Node.OfKind(objects, "Deployment"), "spec.selector.matchLabels");
            Node.At(pdb, "spec.minAvailable").Should().Be(1L);
            Yaml.DeepEquals(Node.Map(pdb, "spec.selector.matchLabels"), selector).Should().BeTrue();
            Node.Text(spread, "topologyKey").Should().Be("kubernetes.io/hostname");
            Node.Text(spread, "whenUnsatisfiable").Should().Be("ScheduleAnyway", "one node must still run two replicas");
            Yaml.DeepEquals(Node.Map(spread, "labelSelector.matchLabels"), selector).Should().BeTrue();
        }
    }

    [Fact]
    public void WatchNamespace_MovesSecretReadsFromTheClusterRoleToARoleInThatNamespace()
    {
        var objects = ChartRenderer.Chart.Objects("pam-operator", "pam-system", Yaml.ParseMap("watchNamespace: team-a"));
        var secretsRole = objects.Single(o => Node.Kind(o) == "Role" && Node.Name(o) == "pam-operator-secrets");
        var binding = objects.Single(o => Node.Kind(o) == "RoleBinding" && Node.Name(o) == "pam-operator-secrets");

        RbacGrant.From(Node.OfKind(objects, "ClusterRole")).Should().BeEquivalentTo(RbacGrant.ExpectedClusterWide(withSecrets: false));
        RbacGrant.From(secretsRole).Should().BeEquivalentTo(RbacGrant.SecretReads());
        Node.Text(secretsRole, "metadata.namespace").Should().Be("team-a");
        Node.Text(binding, "metadata.namespace").Should().Be("team-a");
        Node.Text(binding, "roleRef.name").Should().Be("pam-operator-secrets");
        Node.Text(Node.List(binding, "subjects").Single(), "namespace").Should().Be("pam-system");
    }

    [Fact]
    public void ClusterScopedNames_IncludeTheReleaseNamespace_SoTwoInstallationsDoNotCollide()
    {
        var first = ChartRenderer.Chart.Objects("pam-operator", "team-a");
        var second = ChartRenderer.Chart.Objects("pam-operator", "team-b");

        foreach (var kind in new[] { "ClusterRole", "ClusterRoleBinding" })
        {
            Node.Name(Node.OfKind(first, kind)).Should().Be("pam-operator-team-a");
            Node.Name(Node.OfKind(second, kind)).Should().Be("pam-operator-team-b");
        }

        Node.Text(Node.OfKind(first, "ClusterRoleBinding"), "roleRef.name").Should().Be("pam-operator-team-a");
    }
}
