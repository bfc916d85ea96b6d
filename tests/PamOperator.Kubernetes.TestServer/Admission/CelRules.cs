using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Admission;

/// <summary>
/// A CRD's <c>x-kubernetes-validations</c>, evaluated (<see cref="CelExpression"/>) as kube-apiserver evaluates them:
/// each rule at the node that declares it with <c>self</c> bound to that node's value; transition rules (those that
/// name <c>oldSelf</c>) only on update and only where the old object has a correlatable value (same property path,
/// or the same keys in a <c>map</c> list). A false rule is an error at the node's path plus the rule's
/// <c>fieldPath</c>, with the rule's <c>reason</c> (FieldValueInvalid by default) and <c>message</c> (default
/// <c>failed rule: RULE</c>); the shown value is the schema type, as kube-apiserver shows it. A rule that does not
/// compile refuses its CRD; one that fails at run time (e.g. <c>no such key</c>) is reported, never skipped.
/// </summary>
internal static class CelRules
{
    private static readonly ConcurrentDictionary<string, CelExpression> Programs = new(StringComparer.Ordinal);

    /// <summary>Compiles every rule of <paramref name="schema"/>; returns the errors of those that do not compile.</summary>
    public static List<FieldError> CompileAll(JsonObject schema, string path)
    {
        var errors = new List<FieldError>();
        foreach (var (rule, rulePath) in Rules(schema, path))
        {
            try
            {
                Compile(rule);
            }
            catch (CelException e)
            {
                errors.Add(FieldError.Invalid(rulePath, FieldError.Quote(rule), $"compilation failed: {e.Message}"));
            }
        }

        return errors;
    }

    public static void Evaluate(JsonNode? node, JsonNode? old, bool hasOld, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is null)
        {
            return;
        }

        foreach (var rule in (schema["x-kubernetes-validations"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var text = rule["rule"]?.ToString() ?? string.Empty;
            var isTransition = text.Contains("oldSelf", StringComparison.Ordinal);
            if (isTransition && !hasOld)
            {
                continue;
            }

            var shown = FieldError.Quote(schema["type"]?.ToString() ?? SchemaWalker.TypeName(node));
            var field = path + (rule["fieldPath"]?.ToString() ?? string.Empty);
            string? failure;
            try
            {
                var variables = new Dictionary<string, object?> { ["self"] = ToCel(node, schema) };
                if (isTransition)
                {
                    variables["oldSelf"] = ToCel(old, schema);
                }

                var result = Compile(text).Evaluate(variables);
                failure = result is true ? null : rule["message"]?.ToString() ?? $"failed rule: {text}";
            }
            catch (CelException e)
            {
                failure = e.Message;
            }

            if (failure is not null)
            {
                errors.Add((rule["reason"]?.ToString() ?? "FieldValueInvalid") switch
                {
                    "FieldValueForbidden" => FieldError.Forbidden(field, failure),
                    "FieldValueRequired" => FieldError.Required(field, failure),
                    "FieldValueDuplicate" => FieldError.Duplicate(field, shown),
                    _ => FieldError.Invalid(field, shown, failure),
                });
            }
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if ((path.Length == 0 && name == "metadata") || SchemaWalker.PropertySchema(schema, name) is not { } childSchema)
                    {
                        continue;
                    }

                    var oldObject = old as JsonObject;
                    Evaluate(value, oldObject?[name], hasOld && oldObject?.ContainsKey(name) == true, childSchema, SchemaWalker.Join(path, name), errors);
                }

                break;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                var keys = schema["x-kubernetes-list-type"]?.ToString() == "map"
                    ? (schema["x-kubernetes-list-map-keys"] as JsonArray ?? []).Select(k => k!.ToString()).ToList()
                    : null;
                for (var i = 0; i < array.Count; i++)
                {
                    var previous = keys is null || !hasOld ? null : Correlate(array[i], old as JsonArray, keys);
                    Evaluate(array[i], previous, previous is not null, itemSchema, $"{path}[{i}]", errors);
                }

                break;
        }
    }

    private static JsonNode? Correlate(JsonNode? item, JsonArray? old, List<string> keys) =>
        old?.FirstOrDefault(o => o is JsonObject candidate && item is JsonObject entry
            && keys.All(k => JsonNode.DeepEquals(candidate[k], entry[k])));

    private static CelExpression Compile(string rule) => Programs.GetOrAdd(rule, CelExpression.Compile);

    /// <summary>JSON to CEL values: objects as maps, arrays as lists, integers as int (long), numbers as double.</summary>
    private static object? ToCel(JsonNode? node, JsonObject? schema) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToCel(p.Value, schema is null ? null : SchemaWalker.PropertySchema(schema, p.Key))),
        JsonArray array => array.Select(i => ToCel(i, schema?["items"] as JsonObject)).ToList(),
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when schema?["type"]?.ToString() != "number" && v.TryGetValue(out long l) => l,
        JsonValue v => v.GetValue<double>(),
        _ => throw new InvalidOperationException($"unexpected JSON node {node.GetType().Name}"),
    };

    private static IEnumerable<(string Rule, string Path)> Rules(JsonObject schema, string path)
    {
        var rules = schema["x-kubernetes-validations"] as JsonArray ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            yield return (rules[i]?["rule"]?.ToString() ?? string.Empty, $"{path}.x-kubernetes-validations[{i}].rule");
        }

        foreach (var (name, child) in schema["properties"] as JsonObject ?? [])
        {
            if (child is JsonObject childSchema)
            {
                foreach (var nested in Rules(childSchema, $"{path}.properties[{name}]"))
                {
                    yield return nested;
                }
            }
        }

        foreach (var keyword in new[] { "items", "additionalProperties" })
        {
            if (schema[keyword] is JsonObject nestedSchema)
            {
                foreach (var nested in Rules(nestedSchema, $"{path}.{keyword}"))
                {
                    yield return nested;
                }
            }
        }
    }
}
