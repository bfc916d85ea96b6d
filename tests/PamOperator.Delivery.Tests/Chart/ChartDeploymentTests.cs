using FluentAssertions;
using PamOperator.Delivery.Tests.Rendering;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Chart;

public class ChartDeploymentTests
{
    private static readonly IReadOnlyList<object?> Defaults = ChartRenderer.Chart.Objects("pam-operator", "pam-system");

    [Fact]
    public void Args_AreTheOperatorFlagsFromValues()
    {
        DeliveryObjects.Args(Defaults).Should().Equal(
            "operator",
            "--leader-elect=true",
            "--lease-namespace=$(POD_NAMESPACE)",
            "--resync=10m",
            "--health-port=8081",
            "--metrics-port=8080",
            "--log-level=info");
    }

    [Fact]
    public void Args_FollowChangedValues()
    {
        var values = Yaml.ParseMap("{watchNamespace: team-a, leaderElection: {enabled: false}, resyncInterval: 2m, logLevel: debug, health: {port: 9091}, metrics: {port: 9090}}");

        DeliveryObjects.Args(ChartRenderer.Chart.Objects("pam-operator", "pam-system", values)).Should().Equal(
            "operator", "--namespace=team-a", "--leader-elect=false", "--lease-namespace=$(POD_NAMESPACE)",
            "--resync=2m", "--health-port=9091", "--metrics-port=9090", "--log-level=debug");
    }

    [Fact]
    public void LeaseNamespace_IsThePodsOwnNamespaceFromTheDownwardApi()
    {
        var env = Node.List(DeliveryObjects.Container(Defaults), "env").Single();

        Node.Text(env, "name").Should().Be("POD_NAMESPACE");
        Node.Text(env, "valueFrom.fieldRef.fieldPath").Should().Be("metadata.namespace");
    }

    [Fact]
    public void Probes_HitHealthzAndReadyzOnTheHealthPort()
    {
        var container = DeliveryObjects.Container(Defaults);
        var ports = Node.List(container, "ports").ToDictionary(p => Node.Text(p, "name"), p => Node.At(p, "containerPort"));

        Node.Text(container, "livenessProbe.httpGet.path").Should().Be("/healthz");
        Node.Text(container, "readinessProbe.httpGet.path").Should().Be("/readyz");
        Node.Text(container, "livenessProbe.httpGet.port").Should().Be("health");
        Node.Text(container, "readinessProbe.httpGet.port").Should().Be("health");
        ports.Should().Equal(new Dictionary<string, object?> { ["health"] = 8081L, ["metrics"] = 8080L });
    }

    [Fact]
    public void Pod_RunsNonRootReadOnlyWithoutCapabilitiesAndWithResourceRequests()
    {
        var container = DeliveryObjects.Container(Defaults);
        var pod = Node.At(Node.OfKind(Defaults, "Deployment"), "spec.template.spec");

        Node.At(pod, "securityContext.runAsNonRoot").Should().Be(true);
        Node.At(container, "securityContext.readOnlyRootFilesystem").Should().Be(true);
        Node.At(container, "securityContext.allowPrivilegeEscalation").Should().Be(false);
        Node.List(container, "securityContext.capabilities.drop").Should().Equal("ALL");
        Node.Map(container, "resources.requests").Keys.Should().BeEquivalentTo("cpu", "memory");
        Node.Map(container, "resources.limits").Keys.Should().BeEquivalentTo("cpu", "memory");
        Node.Text(Node.List(container, "volumeMounts").Single(), "mountPath").Should().Be("/tmp", "the root filesystem is read-only");
    }

    [Theory]
    [InlineData("{}", "ghcr.io/pamoperator/pam-operator:0.1.0", "an empty tag means the chart's appVersion")]
    [InlineData("image: {repository: registry.local/pam, tag: '1.2.3'}", "registry.local/pam:1.2.3", "both overridable")]
    public void Image_IsRepositoryAndTag(string values, string expected, string reason)
    {
        Node.Text(DeliveryObjects.Container(ChartRenderer.Chart.Objects("pam-operator", "pam-system", Yaml.ParseMap(values))), "image")
            .Should().Be(expected, reason);
    }

    [Fact]
    public void Scheduling_AndExtraVolumes_PassThroughFromValues()
    {
        var values = Yaml.ParseMap("""
            nodeSelector: {kubernetes.io/os: linux}
            tolerations: [{key: dedicated, operator: Exists}]
            affinity: {nodeAffinity: {}}
            extraVolumes: [{name: ca, configMap: {name: fudo-ca}}]
            extraVolumeMounts: [{name: ca, mountPath: /etc/pamoperator, readOnly: true}]
            podAnnotations: {example.com/team: platform}
            imagePullSecrets: [{name: regcred}]
            replicas: 3
            """);
        var deployment = Node.OfKind(ChartRenderer.Chart.Objects("pam-operator", "pam-system", values), "Deployment");
        var pod = Node.At(deployment, "spec.template.spec");

        Node.At(deployment, "spec.replicas").Should().Be(3L);
        Node.Map(pod, "nodeSelector")["kubernetes.io/os"].Should().Be("linux");
        Node.List(pod, "tolerations").Should().HaveCount(1);
        Node.Map(pod, "affinity").Should().ContainKey("nodeAffinity");
        Node.List(pod, "volumes").Select(v => Node.Text(v, "name")).Should().Equal("tmp", "ca");
        Node.List(Node.List(pod, "containers").Single(), "volumeMounts").Select(v => Node.Text(v, "mountPath")).Should().Equal("/tmp", "/etc/pamoperator");
        Node.Map(deployment, "spec.template.metadata.annotations")["example.com/team"].Should().Be("platform");
        Node.Text(Node.List(pod, "imagePullSecrets").Single(), "name").Should().Be("regcred");
    }
}
