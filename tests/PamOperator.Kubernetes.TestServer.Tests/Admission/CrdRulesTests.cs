using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Kubernetes.TestServer.Admission;
using PamOperator.Kubernetes.TestServer.Patching;
using Xunit;

namespace PamOperator.Kubernetes.TestServer.Tests.Admission;

/// <summary>Every kind of CEL rule the repository's CRDs use, evaluated on their real schemas (crds/*.yaml).</summary>
public class CrdRulesTests
{
    [Fact]
    public void OverlappingTimeWindows_AreRefusedWithTheRuleMessage_AndDisjointOnesPass()
    {
        var spec = Spec("fudo.pamoperator.io_usersafeassignments.yaml");
        const string Monday = """{"dayOfWeek":"Monday","validFrom":"08:00:00","validTo":"12:00:00"}""";
        var overlapping = Errors(spec, $$"""{"user":"a","safe":"s","useTimePolicy":true,"timePolicy":[{{Monday}},{"dayOfWeek":"Monday","validFrom":"11:00:00","validTo":"13:00:00"}]}""");
        var disjoint = Errors(spec, $$"""{"user":"a","safe":"s","useTimePolicy":true,"timePolicy":[{{Monday}},{"dayOfWeek":"Tuesday","validFrom":"11:00:00","validTo":"13:00:00"}]}""");

        overlapping.Select(e => e.ToString()).Should().ContainSingle().Which.Should().Be(
            "spec.timePolicy: Invalid value: \"array\": PAM206: more than one time window on the same day",
            "reason FieldValueInvalid carries the rule's message to kubectl (FieldValueDuplicate would show only the value's type)");
        disjoint.Should().BeEmpty();
    }

    [Fact]
    public void ManagementPolicies_StarMustBeAlone_AndSetItemsUnique()
    {
        var spec = Spec("fudo.pamoperator.io_safes.yaml");

        Errors(spec, """{"managementPolicies":["*","Observe"]}""").Select(e => e.ToString()).Should().Equal(
            "spec.managementPolicies: Invalid value: \"array\": PAM208: \"*\" must be the only entry of managementPolicies");
        Errors(spec, """{"managementPolicies":["Observe","Observe"]}""").Select(e => e.ToString()).Should().Equal(
            "spec.managementPolicies[1]: Duplicate value: \"Observe\"");
        Errors(spec, """{"managementPolicies":["*"]}""").Should().BeEmpty();
    }

    [Fact]
    public void TimePolicyWithoutUseTimePolicy_IsRefused()
    {
        var errors = Errors(Spec("fudo.pamoperator.io_usersafeassignments.yaml"),
            """{"user":"a","safe":"s","timePolicy":[{"dayOfWeek":"Monday","validFrom":"08:00:00","validTo":"12:00:00"}]}""");

        errors.Select(e => e.ToString()).Should().Equal("spec.timePolicy: Invalid value: \"object\": PAM207: timePolicy has no effect unless useTimePolicy is true");
    }

    [Fact]
    public void TransitionRule_RunsOnlyWhenThereIsAnOldValue()
    {
        var schema = Schema("fudo.pamoperator.io_usersafeassignments.yaml");
        var created = JsonNode.Parse("""{"spec":{"user":"a","safe":"s"}}""")!;
        var changed = JsonNode.Parse("""{"spec":{"user":"b","safe":"s"}}""")!;
        var onCreate = new List<FieldError>();
        var onUpdate = new List<FieldError>();

        CelRules.Evaluate(changed, null, false, schema, string.Empty, onCreate);
        CelRules.Evaluate(changed, created, true, schema, string.Empty, onUpdate);

        onCreate.Should().BeEmpty();
        onUpdate.Select(e => e.Field).Should().Equal("spec.user");
    }

    [Fact]
    public void ProviderConfig_SelectorNeedsExactlyOneOfPrefixAndRegex()
    {
        var schema = Schema("pamoperator.io_providerconfigs.yaml");
        var rules = FindRuleOwner(schema, "has(self.namePrefix) != has(self.nameRegex)");

        Evaluate(rules, """{"namePrefix":"a","nameRegex":"b"}""").Should().ContainSingle();
        Evaluate(rules, """{"namePrefix":"a"}""").Should().BeEmpty();
    }

    [Fact]
    public void RuleThatDoesNotCompile_IsReportedAtItsPath()
    {
        var schema = JsonNode.Parse("""{"type":"object","properties":{"spec":{"type":"object","x-kubernetes-validations":[{"rule":"self.a ==="}]}}}""")!.AsObject();

        var errors = CelRules.CompileAll(schema, "spec.versions[0].schema.openAPIV3Schema");

        errors.Should().ContainSingle().Which.Field.Should().Be("spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule");
    }

    [Fact]
    public void RuleFailingAtRunTime_IsAnError_NotASkip()
    {
        var schema = JsonNode.Parse("""{"type":"object","x-kubernetes-validations":[{"rule":"self.missing.deeper == 1"}]}""")!.AsObject();

        Evaluate(schema, "{}").Should().ContainSingle().Which.Reason.Should().Be("FieldValueInvalid");
    }

    [Theory]
    [InlineData("'11:00:00' < '13:00:00'", true)]
    [InlineData("'24:00:00' > '23:59:59'", true)]
    [InlineData("[1, 2].exists_one(x, x > 1)", true)]
    [InlineData("{'a': 1}.all(k, k == 'a') && 1 in [1] && 2u > 1u", true)]
    [InlineData("false && self.missing", false)]
    [InlineData("true || self.missing", true)]
    public void Evaluator_FollowsCelSemantics(string rule, bool expected)
    {
        CelExpression.Compile(rule).Evaluate(new Dictionary<string, object?> { ["self"] = new Dictionary<string, object?>() }).Should().Be(expected);
    }

    [Theory]
    [InlineData("self.quantity().isGreaterThan(1)")]
    [InlineData("isURL(self)")]
    [InlineData("self.all(x)")]
    public void Evaluator_RefusesWhatItDoesNotImplement_AtCompileTime(string rule)
    {
        var compile = () => CelExpression.Compile(rule);

        compile.Should().Throw<CelException>().Which.Message.Should().StartWith("Syntax error:");
    }

    private static JsonObject Schema(string file) =>
        YamlJson.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Crds, file)))!["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();

    private static JsonObject Spec(string file) => Schema(file)["properties"]!["spec"]!.AsObject();

    private static List<FieldError> Errors(JsonObject specSchema, string spec)
    {
        var errors = new List<FieldError>();
        var node = JsonNode.Parse(spec)!;
        SchemaWalker.Validate(node, specSchema, "spec", errors);
        CelRules.Evaluate(node, null, false, specSchema, "spec", errors);
        return errors;
    }

    private static List<FieldError> Evaluate(JsonObject schema, string json)
    {
        var errors = new List<FieldError>();
        CelRules.Evaluate(JsonNode.Parse(json), null, false, schema, "x", errors);
        return errors;
    }

    private static JsonObject FindRuleOwner(JsonNode? node, string rule) => node switch
    {
        JsonObject o when o["x-kubernetes-validations"] is JsonArray rules && rules.Any(r => r?["rule"]?.ToString() == rule) => o,
        JsonObject o => o.Select(p => TryFind(p.Value, rule)).FirstOrDefault(f => f is not null) ?? throw new InvalidOperationException(rule),
        _ => throw new InvalidOperationException(rule),
    };

    private static JsonObject? TryFind(JsonNode? node, string rule)
    {
        try
        {
            return node is JsonObject ? FindRuleOwner(node, rule) : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
