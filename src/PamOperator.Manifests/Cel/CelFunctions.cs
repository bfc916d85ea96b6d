using System.Text.Json.Nodes;
using PamOperator.Manifests.Cel.Ast;

namespace PamOperator.Manifests.Cel;

/// <summary>The functions and macros of the subset: <c>has</c>, <c>size</c>, <c>all</c>, <c>exists</c>, <c>exists_one</c>.</summary>
internal static class CelFunctions
{
    public static object? Call(CelCall call, CelScope scope) => (call.Function, call.Target, call.Args.Count) switch
    {
        ("has", null, 1) => Has(call.Args[0], scope),
        ("size", null, 1) => Size(CelEvaluator.Evaluate(call.Args[0], scope)),
        ("size", { } target, 0) => Size(CelEvaluator.Evaluate(target, scope)),
        ("all" or "exists" or "exists_one", { } target, 2) => Macro(call, CelEvaluator.Evaluate(target, scope), scope),
        _ => throw new CelEvaluationException($"unsupported function {call.Function}/{call.Args.Count}"),
    };

    private static bool Has(CelExpr argument, CelScope scope)
    {
        if (argument is not CelSelect select)
        {
            throw new CelEvaluationException("has() needs a field selection such as has(self.field)");
        }

        return CelEvaluator.Evaluate(select.Operand, scope) is JsonObject map
            ? map.TryGetPropertyValue(select.Field, out var node) && node is not null
            : throw new CelEvaluationException($"has() on a non-map for '{select.Field}'");
    }

    private static long Size(object? value) => value switch
    {
        string s => s.EnumerateRunes().Count(),
        IReadOnlyList<object?> list => list.Count,
        JsonObject map => map.Count,
        _ => throw new CelEvaluationException($"no size() for {CelValues.TypeName(value)}"),
    };

    private static bool Macro(CelCall call, object? target, CelScope scope)
    {
        if (target is not IReadOnlyList<object?> list || call.Args[0] is not CelIdent variable)
        {
            throw new CelEvaluationException($"{call.Function}() needs a list and a variable name");
        }

        var matches = 0;
        CelEvaluationException? error = null;
        foreach (var item in list)
        {
            bool result;
            try
            {
                result = CelValues.AsBool(CelEvaluator.Evaluate(call.Args[1], new CelScope(variable.Name, item, scope)), call.Function);
            }
            catch (CelEvaluationException ex) when (call.Function != "exists_one")
            {
                error ??= ex;
                continue;
            }

            if (call.Function == "all" && !result)
            {
                return false;
            }

            if (call.Function == "exists" && result)
            {
                return true;
            }

            matches += result ? 1 : 0;
        }

        return error is not null ? throw error : call.Function switch
        {
            "all" => true,
            "exists" => false,
            _ => matches == 1,
        };
    }
}
