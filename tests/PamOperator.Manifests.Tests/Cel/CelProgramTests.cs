using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Manifests.Cel;
using Xunit;

namespace PamOperator.Manifests.Tests.Cel;

public class CelProgramTests
{
    private static readonly JsonNode Self = JsonNode.Parse("""
        {"type":"regular","blocked":true,"reason":"maintenance","n":3,"empty":"","tags":["a","b"],
         "windows":[{"d":"Monday","f":"09:00:00","t":"12:00:00"},{"d":"Monday","f":"11:00:00","t":"13:00:00"},
                    {"d":"Friday","f":"09:00:00","t":"10:00:00"}],
         "nested":{"x11":false},"nothing":null}
        """)!;

    [Theory]
    [InlineData("self.type == 'regular'", true, "string equality")]
    [InlineData("self.type != \"regular\"", false, "double-quoted literal")]
    [InlineData("has(self.reason) && size(self.reason) > 0", true, "has and size on a present string")]
    [InlineData("has(self.missing)", false, "absent field")]
    [InlineData("has(self.nothing)", false, "a JSON null counts as absent, as Kubernetes prunes it")]
    [InlineData("!(has(self.blocked) && self.blocked) || has(self.reason)", true, "the blocked/reason rule")]
    [InlineData("self.n < 4 && self.n >= 3 && !(self.n > 3) && self.n <= 3", true, "integer ordering")]
    [InlineData("-self.n < 0", true, "unary minus")]
    [InlineData("'09:00:00' < '17:00:00'", true, "times compare as strings")]
    [InlineData("self.type in ['regular', 'forward']", true, "membership in a list literal")]
    [InlineData("'c' in self.tags", false, "membership in a list field")]
    [InlineData("size(self.tags) == 2 && self.tags.size() == 2", true, "size as function and method")]
    [InlineData("self.tags.exists(t, t == 'b')", true, "exists macro")]
    [InlineData("self.tags.all(t, t == 'a')", false, "all macro")]
    [InlineData("self.tags.exists_one(t, t != 'z')", false, "exists_one needs exactly one")]
    [InlineData("self.nested.x11 ? false : true", true, "conditional over a nested field")]
    [InlineData("size(self.empty) == 0", true, "empty string")]
    [InlineData("size('żółw') == 4", true, "size counts code points")]
    [InlineData("self.missing == 1 || true", true, "|| absorbs an error on the left when the right is true")]
    [InlineData("false && self.missing == 1", false, "&& short-circuits")]
    [InlineData("self.windows.all(a, a.f >= a.t || self.windows.exists_one(b, b.d == a.d && b.f < a.t && a.f < b.t))", false,
        "the overlap rule finds the two Monday windows")]
    public void Evaluate_SupportedSubset_GivesCelResult(string rule, bool expected, string reason)
    {
        CelProgram.Parse(rule).IsSatisfiedBy(Self).Should().Be(expected, reason);
    }

    [Theory]
    [InlineData("self.missing == 'x'", "reading an absent field is an error in CEL")]
    [InlineData("self.type < 3", "no ordering between string and int")]
    [InlineData("!self.type", "! needs a bool")]
    [InlineData("self.missing == 1 && true", "&& cannot absorb an error when the other side is true")]
    [InlineData("self.tags.all(t, t.x == 1)", "selecting from a string")]
    [InlineData("frobnicate(self)", "unknown function")]
    public void Evaluate_Error_Throws(string rule, string reason)
    {
        var act = () => CelProgram.Parse(rule).IsSatisfiedBy(Self);

        act.Should().Throw<CelEvaluationException>(reason);
    }

    [Theory]
    [InlineData("self.a ==", "missing operand")]
    [InlineData("self.a == 'x", "unterminated string")]
    [InlineData("self.a # 1", "unknown character")]
    [InlineData("(self.a", "unclosed parenthesis")]
    public void Parse_OutsideTheSubset_Throws(string rule, string reason)
    {
        var act = () => CelProgram.Parse(rule);

        act.Should().Throw<CelSyntaxException>(reason);
    }

    [Fact]
    public void Evaluate_WithOldSelf_ComparesDeeply()
    {
        var program = CelProgram.Parse("self == oldSelf");

        program.IsSatisfiedBy(JsonNode.Parse("""{"a":[1,2]}"""), JsonNode.Parse("""{"a":[1,2]}""")).Should().BeTrue();
        program.IsSatisfiedBy(JsonNode.Parse("\"alice\""), JsonNode.Parse("\"bob\"")).Should().BeFalse();
    }
}
