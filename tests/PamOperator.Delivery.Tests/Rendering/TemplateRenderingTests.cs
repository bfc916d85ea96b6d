using FluentAssertions;
using PamOperator.Delivery.Tests.Support;
using Xunit;

namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>The renderer the chart tests trust: it must reject what it cannot render and render the subset like Helm.</summary>
public class TemplateRenderingTests
{
    [Theory]
    [InlineData("{{ if .Values.a }}x", "an if without end")]
    [InlineData("x{{ end }}", "an end without a block")]
    [InlineData("{{ with .a }}{{ range .b }}{{ end }}", "a nested block left open")]
    [InlineData("{{ define \"n\" }}x", "a define without end")]
    [InlineData("{{ .a ", "an action never closed")]
    [InlineData("a }} b", "a close without an open")]
    [InlineData("{{ if .a }}{{ else }}{{ else }}{{ end }}", "two else branches")]
    [InlineData("{{ $x := .a }}", "variables are outside the subset")]
    [InlineData("{{ template \"n\" . }}", "template is outside the subset (include is used)")]
    public void Parse_UnbalancedOrUnsupported_Throws(string source, string reason)
    {
        var parse = () => TemplateParser.Parse(source, "case");

        parse.Should().Throw<TemplateSyntaxException>(reason);
    }

    [Theory]
    [InlineData("a:\n  {{- if .on }}\n  b: 1\n  {{- end }}\n", "a:\n  b: 1\n", "{{- trims the newline and indent before it")]
    [InlineData("{{ .missing }}|", "|", "a missing value prints empty, as in Helm")]
    [InlineData("{{ with .m }}{{ .k }}{{ else }}none{{ end }}", "v", "with rebinds the dot")]
    [InlineData("{{ with .empty }}x{{ else }}none{{ end }}", "none", "an empty map is false")]
    [InlineData("{{ .n | default 5 }} {{ .missing | default 5 }}", "3 5", "default keeps a set value")]
    [InlineData("{{ \"abc-\" | trimSuffix \"-\" | quote }}", "\"abc\"", "pipes pass the value last")]
    [InlineData("{{ include \"t\" . | nindent 2 }}", "\n  x: v\n  y: 3", "include then nindent indents every line")]
    [InlineData("{{ toYaml .m }}", "k: v", "toYaml has no trailing newline")]
    [InlineData("{{ if and .on (not .off) }}yes{{ end }}", "yes", "and, not and parentheses")]
    [InlineData("a {{- /* comment */ -}}\n z", "az", "comments print nothing; their trim markers still trim")]
    [InlineData("{{ range .list }}[{{ . }}]{{ end }}", "[1][2]", "range rebinds the dot per item")]
    public void Execute_Subset_RendersLikeHelm(string source, string expected, string reason)
    {
        var data = Yaml.ParseMap("{on: true, off: false, n: 3, m: {k: v}, empty: {}, list: [1, 2]}");
        var helper = TemplateParser.Parse("{{- define \"t\" -}}\nx: {{ .m.k }}\ny: {{ .n }}\n{{- end -}}", "helper");
        var template = TemplateParser.Parse(source, "case");

        TemplateExecutor.Execute(template.Nodes, new RenderScope(data, helper.Defines)).Should().Be(expected, reason);
    }

    [Fact]
    public void Execute_PrintingAMapWithoutToYaml_Throws()
    {
        var template = TemplateParser.Parse("{{ .m }}", "case");

        var render = () => TemplateExecutor.Execute(template.Nodes, new RenderScope(Yaml.ParseMap("m: {k: v}"), new Dictionary<string, IReadOnlyList<TemplateNode>>()));

        render.Should().Throw<TemplateSyntaxException>("Go would print map[k:v], which is never meant in a manifest");
    }
}
