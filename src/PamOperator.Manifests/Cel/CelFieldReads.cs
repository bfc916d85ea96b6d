using PamOperator.Manifests.Cel.Ast;

namespace PamOperator.Manifests.Cel;

/// <summary>The field names an expression selects directly from a variable (<c>self.type</c>, <c>a.validFrom</c>):
/// the fields a rule depends on.</summary>
internal static class CelFieldReads
{
    public static IReadOnlySet<string> Of(CelExpr expr)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        Collect(expr, fields);
        return fields;
    }

    private static void Collect(CelExpr expr, HashSet<string> fields)
    {
        switch (expr)
        {
            case CelSelect { Operand: CelIdent } select:
                fields.Add(select.Field);
                break;
            case CelSelect select:
                Collect(select.Operand, fields);
                break;
            case CelCall call:
                if (call.Target is not null)
                {
                    Collect(call.Target, fields);
                }

                foreach (var arg in call.Args)
                {
                    Collect(arg, fields);
                }

                break;
            case CelList list:
                foreach (var item in list.Items)
                {
                    Collect(item, fields);
                }

                break;
            case CelBinary binary:
                Collect(binary.Left, fields);
                Collect(binary.Right, fields);
                break;
            case CelUnary unary:
                Collect(unary.Operand, fields);
                break;
            case CelConditional conditional:
                Collect(conditional.Condition, fields);
                Collect(conditional.WhenTrue, fields);
                Collect(conditional.WhenFalse, fields);
                break;
        }
    }
}
