using FluentAssertions;
using PamOperator.Delivery.Tests.Rendering;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Chart;

public class ChartRbacTests
{
    private static readonly IReadOnlyList<object?> Defaults = ChartRenderer.Chart.Objects("pam-operator", "pam-system");

    [Fact]
    public void ClusterRole_GrantsExactlyWhatTheOperatorCalls()
    {
        var granted = RbacGrant.From(Node.OfKind(Defaults, "ClusterRole"));

        granted.Should().BeEquivalentTo(RbacGrant.ExpectedClusterWide(), "least privilege: nothing missing, nothing extra");
    }

    [Fact]
    public void Role_GrantsLeasesOnlyInTheReleaseNamespace()
    {
        var role = Node.OfKind(Defaults, "Role");


        RbacGrant.From(role).Should().BeEquivalentTo(RbacGrant.ExpectedLeaderElection());
        Node.Text(role, "metadata.namespace").Should().Be("pam-system");
    }

    [Fact]
    public void Rules_UseNoWildcard()
    {
        var grants = RbacGrant.From(Node.OfKind(Defaults, "ClusterRole")).Concat(RbacGrant.From(Node.OfKind(Defaults, "Role")));

        grants.Should().NotContain(g => g.Group.Contains('*') || g.Resource.Contains('*') || g.Verb.Contains('*'));
    }

    [Theory]
    [InlineData("ClusterRoleBinding", "ClusterRole")]
    [InlineData("RoleBinding", "Role")]
    public void Binding_BindsTheRoleToTheOperatorsServiceAccount(string bindingKind, string roleKind)
    {
        var binding = Node.OfKind(Defaults, bindingKind);
        var subject = Node.List(binding, "subjects").Single();

        Node.Text(binding, "roleRef.kind").Should().Be(roleKind);
        Node.Text(binding, "roleRef.name").Should().Be(Node.Name(Node.OfKind(Defaults, roleKind)));
        Node.Text(subject, "kind").Should().Be("ServiceAccount");
        Node.Text(subject, "name").Should().Be(Node.Name(Node.OfKind(Defaults, "ServiceAccount")));
        Node.Text(subject, "namespace").Should().Be("pam-system");
    }
}
