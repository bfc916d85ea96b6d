using System.Text;
using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>
/// Parses <c>filter=name.eq(x),blocked.eq(false),id.in(1,2)</c>: commas between terms mean AND, commas inside the
/// parentheses separate OR-ed values. A value may be quoted ('a,b' or "a,b") to contain commas or parentheses.
/// </summary>
internal static class FilterParser
{
    public static ApiError? Parse(string filter, out List<FilterCondition> conditions)
    {
        conditions = [];
        var position = 0;
        while (position < filter.Length)
        {
            var error = ParseTerm(filter, ref position, out var condition);
            if (error is not null)
            {
                return error;
            }

            conditions.Add(condition!);
            if (position < filter.Length && filter[position] != ',')
            {
                return Bad(filter, "expected ',' between conditions");
            }

            position++;
        }

        return conditions.Count == 0 ? Bad(filter, "no condition") : null;
    }

    private static ApiError? ParseTerm(string filter, ref int position, out FilterCondition? condition)
    {
        condition = null;
        var open = filter.IndexOf('(', position);
        var head = open < 0 ? "" : filter[position..open];
        var dot = head.LastIndexOf('.');
        if (dot <= 0 || !FilterCondition.Ops.Contains(head[(dot + 1)..]))
        {
            return Bad(filter, "expected attr.op(values) with op one of eq, match, in, iin, contains");
        }

        position = open + 1;
        var values = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        while (position < filter.Length)
        {
            var ch = filter[position++];
            if (quote is not null)
            {
                if (ch == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch is ',' or ')')
            {
                values.Add(current.ToString());
                current.Clear();
                if (ch == ')')
                {
                    condition = new FilterCondition(head[..dot], head[(dot + 1)..], values);
                    return null;
                }
            }
            else
            {
                current.Append(ch);
            }
        }

        return Bad(filter, "missing ')'");
    }

    private static ApiError Bad(string filter, string problem) => ApiError.BadRequest($"filter '{filter}': {problem}");
}
