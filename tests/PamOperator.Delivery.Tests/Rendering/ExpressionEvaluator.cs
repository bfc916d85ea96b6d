using System.Globalization;
using System.Text;

namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>
/// Evaluates a pipeline: <c>command (| command)*</c>, where a command is a function name with arguments (the piped value
/// is passed last, as in Go templates) or one operand: a field path from the dot (<c>.</c>, <c>.Values.a.b</c>), a
/// string, an integer, <c>true</c>/<c>false</c>, or a parenthesized pipeline. A missing map key is null (Helm prints
/// it as empty); a path through a non-map throws.
/// </summary>
public static class ExpressionEvaluator
{
    public static object? Evaluate(string pipeline, RenderScope scope)
    {
        var tokens = Tokenize(pipeline);
        var position = 0;
        var value = Pipeline(tokens, ref position, scope);
        return position == tokens.Count ? value : throw new TemplateSyntaxException($"unexpected '{tokens[position]}' in '{pipeline}'");
    }

    private static object? Pipeline(List<string> tokens, ref int position, RenderScope scope)
    {
        var value = Command(tokens, ref position, scope, piped: null, hasPiped: false);
        while (position < tokens.Count && tokens[position] == "|")
        {
            position++;
            value = Command(tokens, ref position, scope, value, hasPiped: true);
        }

        return value;
    }

    private static object? Command(List<string> tokens, ref int position, RenderScope scope, object? piped, bool hasPiped)
    {
        if (position >= tokens.Count)
        {
            throw new TemplateSyntaxException("empty command");
        }

        var head = tokens[position];
        if (!IsIdentifier(head))
        {
            var operand = Operand(tokens, ref position, scope);
            return hasPiped ? throw new TemplateSyntaxException($"cannot pipe into the value '{head}'") : operand;
        }

        position++;
        var arguments = new List<object?>();
        while (position < tokens.Count && tokens[position] is not ("|" or ")"))
        {
            arguments.Add(Operand(tokens, ref position, scope));
        }

        if (hasPiped)
        {
            arguments.Add(piped);
        }

        return HelmFunctions.Call(head, arguments, scope);
    }

    private static object? Operand(List<string> tokens, ref int position, RenderScope scope)
    {
        var token = tokens[position++];
        if (token == "(")
        {
            var value = Pipeline(tokens, ref position, scope);
            return position < tokens.Count && tokens[position++] == ")" ? value : throw new TemplateSyntaxException("missing ')'");
        }

        return token switch
        {
            ['"', .., '"'] => token[1..^1],
            "true" => true,
            "false" => false,
            "nil" => null,
            ['.', ..] => Field(scope.Dot, token),
            _ when long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw new TemplateSyntaxException($"unsupported operand '{token}'"),
        };
    }

    private static object? Field(object? dot, string path)
    {
        foreach (var key in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            dot = dot switch
            {
                null => null,
                Dictionary<string, object?> map => map.GetValueOrDefault(key),
                _ => throw new TemplateSyntaxException($"'{path}': cannot read '{key}' from a {dot.GetType().Name}"),
            };
        }

        return dot;
    }

    private static bool IsIdentifier(string token) => char.IsLetter(token[0]) && token is not ("true" or "false" or "nil");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or '|')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '"')
            {
                var token = new StringBuilder("\"");
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    token.Append(text[i] != '\\' ? text[i] : throw new TemplateSyntaxException($"escapes are outside the supported subset: '{text}'"));
                }

                tokens.Add(i < text.Length ? token.Append('"').ToString() : throw new TemplateSyntaxException($"unterminated string in '{text}'"));
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '|'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
