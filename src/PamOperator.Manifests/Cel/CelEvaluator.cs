using System.Text.Json.Nodes;
using PamOperator.Manifests.Cel.Ast;

namespace PamOperator.Manifests.Cel;

/// <summary>
/// Evaluates parsed CEL with CEL's semantics for the supported subset: reading an absent field is an error, and
/// <c>&amp;&amp;</c>/<c>||</c> absorb an error on one side when the other side decides the result.
/// </summary>
internal static class CelEvaluator
{
    public static object? Evaluate(CelExpr expr, CelScope scope) => expr switch
    {
        CelLiteral literal => literal.Value,
        CelIdent ident => scope.Lookup(ident.Name),
        CelList list => list.Items.Select(i => Evaluate(i, scope)).ToList(),
        CelSelect select => Select(Evaluate(select.Operand, scope), select.Field),
        CelUnary unary => Unary(unary, scope),
        CelBinary binary => Binary(binary, scope),
        CelConditional c => CelValues.AsBool(Evaluate(c.Condition, scope), "?:")
            ? Evaluate(c.WhenTrue, scope)
            : Evaluate(c.WhenFalse, scope),
        CelCall call => CelFunctions.Call(call, scope),
        _ => throw new CelEvaluationException($"unsupported expression {expr.GetType().Name}"),
    };

    public static object? Select(object? operand, string field)
    {
        if (operand is not JsonObject map)
        {
            throw new CelEvaluationException($"cannot select '{field}' from {CelValues.TypeName(operand)}");
        }

        return map.TryGetPropertyValue(field, out var node) && node is not null
            ? CelValues.FromJson(node)
            : throw new CelEvaluationException($"no such key: {field}");
    }

    private static object? Unary(CelUnary unary, CelScope scope)
    {
        var value = Evaluate(unary.Operand, scope);
        return unary.Operator switch
        {
            "!" => !CelValues.AsBool(value, "!"),
            "-" when value is long l => -l,
            "-" when value is double d => -d,
            _ => throw new CelEvaluationException($"no operator {unary.Operator} for {CelValues.TypeName(value)}"),
        };
    }

    private static object? Binary(CelBinary binary, CelScope scope) => binary.Operator switch
    {
        "&&" => Logical(binary, scope, shortCircuitOn: false),
        "||" => Logical(binary, scope, shortCircuitOn: true),
        _ => Compare(binary.Operator, Evaluate(binary.Left, scope), Evaluate(binary.Right, scope)),
    };

    private static object? Compare(string op, object? left, object? right) => op switch
    {
        "==" => CelValues.AreEqual(left, right),
        "!=" => !CelValues.AreEqual(left, right),
        "<" => CelValues.Compare(left, right) < 0,
        "<=" => CelValues.Compare(left, right) <= 0,
        ">" => CelValues.Compare(left, right) > 0,
        ">=" => CelValues.Compare(left, right) >= 0,
        "in" => right switch
        {
            IReadOnlyList<object?> list => list.Any(item => CelValues.AreEqual(item, left)),
            JsonObject map when left is string key => map.ContainsKey(key),
            _ => throw new CelEvaluationException($"no operator in for {CelValues.TypeName(right)}"),
        },
        _ => throw new CelEvaluationException($"unsupported operator {op}"),
    };

    /// <summary><c>&amp;&amp;</c> (decided by false) and <c>||</c> (decided by true), commutative over errors.</summary>
    private static bool Logical(CelBinary binary, CelScope scope, bool shortCircuitOn)
    {
        CelEvaluationException? leftError = null;
        try
        {
            if (CelValues.AsBool(Evaluate(binary.Left, scope), binary.Operator) == shortCircuitOn)
            {
                return shortCircuitOn;
            }
        }
        catch (CelEvaluationException ex)
        {
            leftError = ex;
        }

        var right = CelValues.AsBool(Evaluate(binary.Right, scope), binary.Operator);
        if (right == shortCircuitOn)
        {
            return shortCircuitOn;
        }

        return leftError is null ? right : throw leftError;
    }
}
