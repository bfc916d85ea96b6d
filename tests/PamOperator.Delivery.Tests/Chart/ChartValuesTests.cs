using System.Text.RegularExpressions;
using FluentAssertions;
using PamOperator.Delivery.Tests.Rendering;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Chart;

public partial class ChartValuesTests
{
    private static readonly string[] Templates = Directory.GetFiles(Repo.Path("charts", "pam-operator", "templates"))
        .Select(File.ReadAllText)
        .ToArray();

    [Fact]
    public void EveryValuesPathInTemplates_ExistsInValuesYaml()
    {
        var values = ChartRenderer.Chart.DefaultValues();
        var paths = Templates.SelectMany(t => ValuesPath().Matches(t).Select(m => m.Groups[1].Value)).Distinct().ToList();

        paths.Should().NotBeEmpty();
        paths.Where(p => !Exists(values, p)).Should().BeEmpty("a template reading a value values.yaml lacks renders it empty");
    }

    [Fact]
    public void EveryTopLevelValue_IsUsedByATemplate()
    {
        var used = Templates.SelectMany(t => ValuesPath().Matches(t).Select(m => m.Groups[1].Value.Split('.')[0])).ToHashSet();

        ChartRenderer.Chart.DefaultValues().Keys.Where(k => !used.Contains(k)).Should().BeEmpty("an unused value is a setting that does nothing");
    }

    [Theory]
    [InlineData("replicas", 2L, "two replicas: one leader, one standby")]
    [InlineData("leaderElection.enabled", true, "standby replicas must not reconcile")]
    [InlineData("watchNamespace", null, "empty watches all namespaces")]
    [InlineData("resyncInterval", "10m", "the operator's documented default")]
    [InlineData("logLevel", "info", "the operator's documented default")]
    [InlineData("health.port", 8081L, "the operator's /healthz and /readyz port")]
    [InlineData("metrics.port", 8080L, "the operator's /metrics port")]
    [InlineData("metrics.serviceMonitor.enabled", false, "needs the Prometheus Operator's CRDs, which may be absent")]
    [InlineData("serviceAccount.create", true, "the RBAC needs a subject")]
    [InlineData("securityContext.readOnlyRootFilesystem", true, "the operator writes nothing to its image")]
    [InlineData("podSecurityContext.runAsNonRoot", true, "the image's USER is 65532")]
    public void Default_IsTheDocumentedOne(string path, object? expected, string reason)
    {
        var actual = Node.At(ChartRenderer.Chart.DefaultValues(), path);

        (expected is null ? actual is null or "" : Equals(actual, expected)).Should().BeTrue($"{path} = {actual}: {reason}");
    }

    private static bool Exists(Dictionary<string, object?> values, string path)
    {
        object? node = values;
        foreach (var key in path.Split('.'))
        {
            if (node is not Dictionary<string, object?> map || !map.TryGetValue(key, out node))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"\.Values\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)")]
    private static partial Regex ValuesPath();
}
