using FluentAssertions;
using PamOperator.Delivery.Tests.Rendering;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Chart;

public class ChartTemplatesTests
{
    public static TheoryData<string> TemplateFiles() =>
        new(Directory.GetFiles(Repo.Path("charts", "pam-operator", "templates")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Template_IsBalancedAndInsideTheRenderedSubset(string file)
    {
        var source = Repo.Read("charts", "pam-operator", "templates", file);

        var parse = () => TemplateParser.Parse(source, file);

        parse.Should().NotThrow("every if/with/range/define has its end and only the documented subset is used");
        CountOf(source, "{{").Should().Be(CountOf(source, "}}"));
    }

    [Fact]
    public void Helpers_DefineTheNamedTemplatesTheOthersInclude()
    {
        var helpers = TemplateParser.Parse(Repo.Read("charts", "pam-operator", "templates", "_helpers.tpl"), "_helpers.tpl");

        helpers.Defines.Keys.Should().BeEquivalentTo(
            "pam-operator.fullname", "pam-operator.labels", "pam-operator.selectorLabels", "pam-operator.serviceAccountName");
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
