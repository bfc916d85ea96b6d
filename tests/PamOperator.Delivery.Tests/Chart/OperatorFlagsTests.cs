using FluentAssertions;
using PamOperator.Delivery.Tests.Rendering;
using PamOperator.Delivery.Tests.Support;

namespace PamOperator.Delivery.Tests.Chart;

public class OperatorFlagsTests
{
    /// <summary>Every flag the chart passes (with every optional one switched on) is an option the verb declares.</summary>
    [OperatorCommandFact]
    public void ChartArgs_AreOptionsThePamctlOperatorVerbDeclares()
    {
        var objects = ChartRenderer.Chart.Objects("pam-operator", "pam-system", Yaml.ParseMap("watchNamespace: team-a"));
        var flags = DeliveryObjects.Args(objects).Skip(1).Select(a => a.Split('=')[0]).ToList();

        flags.Should().HaveCount(7);
        flags.Where(f => !OperatorCommandFactAttribute.Source!.Contains($"\"{f}\"", StringComparison.Ordinal))
            .Should().BeEmpty("the container would exit at start-up on an unknown option");
    }
}
