using FluentAssertions;
using PamOperator.Delivery.Tests.Rendering;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Chart;

public class ChartRenderTests
{
    [Fact]
    public void DefaultValues_RenderTheOperatorObjectsInTheReleaseNamespace()
    {
        var objects = ChartRenderer.Chart.Objects("pam-operator", "pam-system");

        objects.Select(Node.Kind).Should().BeEquivalentTo(DeliveryObjects.OperatorKinds, "ServiceMonitor is off by default");
        objects.Where(o => Node.Kind(o) is not ("ClusterRole" or "ClusterRoleBinding"))
            .Should().OnlyContain(o => Node.Text(o, "metadata.namespace") == "pam-system");
        objects.Should().OnlyContain(o => Node.Name(o).StartsWith("pam-operator", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string[], string[]> Toggles() => new()
    {
        // values (YAML), reason, kinds that must appear, kinds that must not
        { "metrics: {serviceMonitor: {enabled: true}}", "the ServiceMonitor is opt-in", ["ServiceMonitor", "Service"], [] },
        { "metrics: {enabled: false, serviceMonitor: {enabled: true}}", "no metrics, nothing to monitor", [], ["Service", "ServiceMonitor"] },
        { "leaderElection: {enabled: false}", "no Lease, no Lease permissions", ["Deployment"], ["Role", "RoleBinding"] },
        { "serviceAccount: {create: false, name: existing}", "bring your own ServiceAccount", ["ClusterRoleBinding"], ["ServiceAccount"] },
    };

    [Theory]
    [MemberData(nameof(Toggles))]
    public void Values_ToggleTheirObjects(string values, string reason, string[] present, string[] absent)
    {
        var kinds = ChartRenderer.Chart.Objects("pam-operator", "pam-system", Yaml.ParseMap(values)).Select(Node.Kind).ToList();

        present.Where(k => !kinds.Contains(k)).Should().BeEmpty(reason);
        absent.Where(kinds.Contains).Should().BeEmpty(reason);
    }

    [Fact]
    public void ServiceAccountNotCreated_BindingsUseTheGivenName()
    {
        var objects = ChartRenderer.Chart.Objects("pam-operator", "pam-system", Yaml.ParseMap("serviceAccount: {create: false, name: existing}"));

        Node.Text(Node.OfKind(objects, "Deployment"), "spec.template.spec.serviceAccountName").Should().Be("existing");
        foreach (var binding in objects.Where(o => Node.Kind(o) is "ClusterRoleBinding" or "RoleBinding"))
        {
            Node.List(binding, "subjects").Single().Should().Match<object?>(s => Node.Text(s, "name") == "existing" && Node.Text(s, "namespace") == "pam-system");
        }
    }

    [Fact]
    public void ServiceMonitor_SelectsTheMetricsServiceAndCarriesExtraLabels()
    {
        var objects = ChartRenderer.Chart.Objects("ops", "monitoring-test", Yaml.ParseMap("metrics: {serviceMonitor: {enabled: true, labels: {release: prom}}}"));
        var monitor = Node.OfKind(objects, "ServiceMonitor");
        var service = Node.OfKind(objects, "Service");

        Node.Text(monitor, "metadata.labels.release").Should().Be("prom");
        Node.Map(service, "metadata.labels").Should().Contain(Node.Map(monitor, "spec.selector.matchLabels"));
        Node.Text(Node.List(monitor, "spec.endpoints").Single(), "port").Should().Be("metrics");
    }

    [Fact]
    public void FullnameOverride_RenamesEveryObject()
    {
        var objects = ChartRenderer.Chart.Objects("r1", "ns", Yaml.ParseMap("fullnameOverride: pam"));

        objects.Select(Node.Name).Should().OnlyContain(n => n == "pam" || n.StartsWith("pam-", StringComparison.Ordinal));
    }

    [Fact]
    public void Notes_NameTheNamespaceAndWhatIsWatched()
    {
        var notes = ChartRenderer.Chart.Render("pam-operator", "pam-system", Yaml.ParseMap("watchNamespace: team-a"))["NOTES.txt"];

        notes.Should().Contain("namespace pam-system").And.Contain("watches namespace team-a").And.Contain("pam-operator-metrics");
    }
}
