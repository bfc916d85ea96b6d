using FluentAssertions;
using PamOperator.Engine.Tests.TestSupport;
using PamOperator.Engine.Views;
using Xunit;

namespace PamOperator.Engine.Tests.Views;

public class SecretCanaryTests
{
    private const string CanaryEnv = "PAMOP_CANARY_ENV_7F3A";
    private const string CanaryValue = "s3cr3t-CANARY-value-91c2";

    [Fact]
    public void EveryOutput_NeverContainsSecretReferenceNameOrValue()
    {
        var manifests = EveryActionPlan.Desired.Select(m => m.Spec.ContainsKey("secret") && m.Name == "db-admin"
            ? m with { Spec = Replace(m, EveryActionPlan.SecretEnv, CanaryEnv) }
            : m).ToList();
        // A literal value where a reference belongs (validation refuses it; the engine must not leak it either).
        manifests.Add(Manifests.Account("literal", $$"""{"server":"db-01","login":"x","secret":"{{CanaryValue}}"}"""));
        var plan = TestPlans.Make(manifests, [Live.Account("db-admin", $$"""{"secret":"{{CanaryValue}}"}""")]);
        plan.Changes.SelectMany(c => c.Secrets).Should().Contain(s => s.Reference!.ToJsonString().Contains(CanaryEnv),
            "the in-memory plan carries the reference for the applier");

        var outputs = new Dictionary<string, string>
        {
            ["text"] = HumanPlanView.Render(plan),
            ["text (colour)"] = HumanPlanView.Render(plan, color: true),
            ["json"] = JsonPlanView.Render(plan),
            ["markdown"] = MarkdownPlanView.Render(plan),
            ["plan file"] = PlanFile.Serialize(plan),
            ["diagnostics"] = string.Join("\n", plan.Diagnostics.Select(d => $"{d} {d.Detail}")),
            ["golden plan, leaking provider"] = PlanFile.Serialize(EveryActionPlan.Make(CanaryValue))
                + JsonPlanView.Render(EveryActionPlan.Make(CanaryValue)) + HumanPlanView.Render(EveryActionPlan.Make(CanaryValue)),
        };

        foreach (var (name, text) in outputs)
        {
            text.Should().NotContain(CanaryEnv, $"the {name} output must not name where a secret lives");
            text.Should().NotContain(CanaryValue, $"the {name} output must never hold a secret value");
        }

        outputs["text"].Should().Contain(ValueTextSensitive, "a secret is shown as sensitive, not omitted silently");
    }

    private const string ValueTextSensitive = "(sensitive value)";

    private static System.Text.Json.Nodes.JsonObject Replace(Core.Manifests.ManifestObject m, string from, string to) =>
        System.Text.Json.Nodes.JsonNode.Parse(m.Spec.ToJsonString().Replace(from, to, StringComparison.Ordinal))!.AsObject();
}
