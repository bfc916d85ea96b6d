using PamOperator.Manifests.Tests.TestSupport;
using FluentAssertions;
using PamOperator.Core.Schema;
using PamOperator.Manifests.Cel;
using PamOperator.Manifests.Schemas;
using Xunit;

namespace PamOperator.Manifests.Tests.Kinds;

/// <summary>Every rule shipped in a CRD parses in the CLI's evaluator and reads only fields that exist where it is attached.</summary>
public class RuleTextTests
{
    [Fact]
    public void EveryRule_ParsesAndSelectsOnlyDeclaredFields()
    {
        var checkedRules = 0;
        foreach (var kind in Catalogs.Default.AllWithProviderConfig)
        {
            var fields = SpecSchemaBuilder.SpecFields(kind);
            checkedRules += Check(kind.Rules, fields, kind.Kind);
            foreach (var field in Flatten(fields))
            {
                checkedRules += Check(field.ItemRules, field.Fields, $"{kind.Kind}.{field.Name}[]");
                checkedRules += Check(field.Rules, field.Fields, $"{kind.Kind}.{field.Name}");
            }
        }

        checkedRules.Should().BeGreaterThan(15);
    }

    private static int Check(IReadOnlyList<ValidationRule> rules, IReadOnlyList<FieldDescriptor> fields, string where)
    {
        foreach (var rule in rules)
        {
            var selected = CelProgram.Parse(rule.Rule).Reads;
            selected.Where(n => !fields.Any(f => f.Name == n)).Should().BeEmpty($"rule '{rule.Rule}' on {where} reads declared fields");
            rule.Code.Should().MatchRegex("^PAM2[0-9]{2}$");
        }

        return rules.Count;
    }

    private static IEnumerable<FieldDescriptor> Flatten(IEnumerable<FieldDescriptor> fields) =>
        fields.SelectMany(f => f.Type is FieldType.Object or FieldType.ObjectList ? [f, .. Flatten(f.Fields)] : new[] { f });
}
