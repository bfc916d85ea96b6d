using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PamOperator.Manifests.Cel.Ast;

namespace PamOperator.Manifests.Cel;

/// <summary>
/// A CEL rule, parsed once and cached, evaluated against JSON. This is how the CLI runs the very
/// <c>x-kubernetes-validations</c> rules that the CRDs ship.
/// </summary>
public sealed class CelProgram
{
    private static readonly ConcurrentDictionary<string, CelProgram> Cache = new(StringComparer.Ordinal);

    private readonly CelExpr _expr;

    private CelProgram(string text)
    {
        Text = text;
        _expr = CelParser.Parse(text);
        Reads = CelFieldReads.Of(_expr);
    }

    public string Text { get; }

    /// <summary>Field names the rule selects from <c>self</c> or a macro variable: what it depends on.</summary>
    public IReadOnlySet<string> Reads { get; }

    /// <summary>Parses <paramref name="text"/> (cached). Throws <see cref="CelSyntaxException"/> outside the subset.</summary>
    public static CelProgram Parse(string text) => Cache.GetOrAdd(text, t => new CelProgram(t));

    /// <summary>Evaluates with <c>self</c> (and <c>oldSelf</c> when given) bound to JSON values. Throws
    /// <see cref="CelEvaluationException"/> when CEL reports an error (e.g. an absent field read without has()).</summary>
    public object? Evaluate(JsonNode? self, JsonNode? oldSelf = null)
    {
        var scope = new CelScope("self", CelValues.FromJson(self), null);
        if (oldSelf is not null)
        {
            scope = new CelScope("oldSelf", CelValues.FromJson(oldSelf), scope);
        }

        return CelEvaluator.Evaluate(_expr, scope);
    }

    /// <summary>Evaluates a rule that must yield a bool: true = satisfied.</summary>
    public bool IsSatisfiedBy(JsonNode? self, JsonNode? oldSelf = null) =>
        CelValues.AsBool(Evaluate(self, oldSelf), "rule");
}
