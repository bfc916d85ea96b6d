using System.Text.Json.Nodes;
using PamOperator.Core.Schema;
using PamOperator.Manifests.Cel;

namespace PamOperator.Manifests.Validation;

/// <summary>
/// Evaluates the descriptor's CEL rules (kind rules, field rules, item rules) exactly where the CRD attaches them.
/// Transition rules (<c>oldSelf</c>) are left to the API server. A rule that reads a field that already has a schema
/// error is not reported (its failure would be a consequence, not news); otherwise a rule that cannot be evaluated
/// counts as failed, as in Kubernetes.
/// </summary>
internal static class RuleValidator
{
    /// <param name="kind">The document's kind.</param>
    /// <param name="spec">The spec as validated (control fields still in it).</param>
    /// <param name="errorPaths">Spec-relative paths that already have errors (schema errors, scrubbed secrets).</param>
    /// <param name="context">Where failures are reported.</param>
    public static void Validate(KindDescriptor kind, JsonObject spec, IReadOnlyList<string> errorPaths, DocumentContext context)
    {
        var run = new Runner(errorPaths, context);
        run.Rules(kind.Rules, spec, "");
        run.Fields(Schemas.SpecSchemaBuilder.SpecFields(kind), spec, "");
    }

    private sealed class Runner(IReadOnlyList<string> errorPaths, DocumentContext context)
    {
        public void Fields(IReadOnlyList<FieldDescriptor> fields, JsonObject node, string path)
        {
            foreach (var field in fields)
            {
                if (!node.TryGetPropertyValue(field.Name, out var value) || value is null)
                {
                    continue;
                }

                var fieldPath = JsonPaths.Join(path, field.Name);
                Rules(field.Rules, value, fieldPath);
                if (field.Type == FieldType.Object && value is JsonObject child)
                {
                    Fields(field.Fields, child, fieldPath);
                }
                else if (field.Type == FieldType.ObjectList && value is JsonArray items)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is JsonObject item)
                        {
                            Rules(field.ItemRules, item, $"{fieldPath}[{i}]");
                            Fields(field.Fields, item, $"{fieldPath}[{i}]");
                        }
                    }
                }
            }
        }

        public void Rules(IReadOnlyList<ValidationRule> rules, JsonNode node, string path)
        {
            foreach (var rule in rules.Where(r => !r.IsTransition))
            {
                var program = CelProgram.Parse(rule.Rule);
                if (DependsOnAnError(program, path))
                {
                    continue;
                }

                var specPath = JsonPaths.Join("spec", path);
                try
                {
                    if (!program.IsSatisfiedBy(node))
                    {
                        context.Error(rule.Code, rule.Message, rule.Hint, rule.FieldPath is null ? specPath : specPath + rule.FieldPath);
                    }
                }
                catch (CelEvaluationException ex)
                {
                    context.Error(rule.Code, rule.Message, $"{rule.Hint} (The rule could not be evaluated: {ex.Message}.)", specPath);
                }
            }
        }

        private bool DependsOnAnError(CelProgram program, string path) =>
            errorPaths.Any(error =>
                (path.Length == 0 || error == path || error.StartsWith(path + ".", StringComparison.Ordinal) || error.StartsWith(path + "[", StringComparison.Ordinal))
                && JsonPaths.Names(error[path.Length..]).Any(program.Reads.Contains));
    }
}
