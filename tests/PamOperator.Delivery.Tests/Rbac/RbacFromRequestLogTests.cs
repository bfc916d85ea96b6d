using FluentAssertions;
using PamOperator.Delivery.Tests.Rendering;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Rbac;

/// <summary>
/// Least privilege measured, not asserted: what `pamctl operator` actually asked the API server for through a whole
/// lifecycle is exactly what the chart's (and so kustomize's) ClusterRole and leader-election Role grant.
/// </summary>
public class RbacFromRequestLogTests
{
    private static readonly IReadOnlyList<object?> Defaults = ChartRenderer.Chart.Objects("pam-operator", "pam-system");

    [Fact]
    public async Task ClusterRole_GrantsExactlyTheVerbsTheOperatorUsed()
    {
        var used = Generalized((await OperatorRequestLog.UsedAsync()).Where(u => u.Grant.Resource != "leases").Select(u => u.Grant));

        RbacGrant.From(Node.OfKind(Defaults, "ClusterRole")).Should().BeEquivalentTo(used,
            $"nothing missing, nothing extra; used: {string.Join(", ", used.Select(g => $"{g.Group}/{g.Resource}:{g.Verb}").Order(StringComparer.Ordinal))}");
    }

    /// <summary>
    /// The operator treats every custom resource alike (no kind is named outside the vendor modules), so a verb it used
    /// on one (e.g. patch of safes/status) is a verb it uses on all; the lifecycle drives one kind only.
    /// </summary>
    private static HashSet<RbacGrant> Generalized(IEnumerable<RbacGrant> used)
    {
        var custom = CrdCatalog.Resources.Select(r => r.Group).ToHashSet();
        return used.SelectMany(g => custom.Contains(g.Group)
                ? CrdCatalog.Resources.Select(r => g with { Group = r.Group, Resource = r.Plural + (g.Resource.Contains('/') ? g.Resource[g.Resource.IndexOf('/')..] : string.Empty) })
                : [g])
            .ToHashSet();
    }

    [Fact]
    public async Task LeaderElectionRole_GrantsExactlyTheLeaseVerbsUsed_InTheLeaseNamespaceOnly()
    {
        var leases = (await OperatorRequestLog.UsedAsync()).Where(u => u.Grant.Resource == "leases").ToList();

        leases.Should().NotBeEmpty().And.OnlyContain(l => l.Namespace == OperatorRequestLog.LeaseNamespace);
        RbacGrant.From(Node.OfKind(Defaults, "Role")).Should().BeEquivalentTo(leases.Select(l => l.Grant).ToHashSet());
    }
}
