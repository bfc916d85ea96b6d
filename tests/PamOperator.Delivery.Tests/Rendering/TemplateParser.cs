namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>
/// Parses the Go-template subset the chart uses: text, <c>{{ pipeline }}</c>, <c>if</c>/<c>with</c>/<c>range</c> with an
/// optional <c>else</c>, <c>define</c>, <c>end</c>, comments <c>{{/* */}}</c>, and the trim markers <c>{{-</c> and
/// <c>-}}</c> (which remove all adjacent whitespace, newlines included). Anything else (variables, <c>else if</c>,
/// <c>template</c>, <c>block</c>) throws <see cref="TemplateSyntaxException"/>, as does any imbalance.
/// </summary>
public static class TemplateParser
{
    private static readonly string[] BlockKeywords = ["if", "with", "range"];

    public static ParsedTemplate Parse(string source, string name)
    {
        var defines = new Dictionary<string, IReadOnlyList<TemplateNode>>();
        var root = new Frame("(top)", string.Empty);
        var stack = new Stack<Frame>([root]);
        foreach (var token in Tokenize(source, name))
        {
            if (token.Text is not null)
            {
                stack.Peek().Current.Add(new TextNode(token.Text));
                continue;
            }

            var action = token.Action!;
            var keyword = action.Split(' ', 2)[0];
            var rest = action.Length > keyword.Length ? action[keyword.Length..].Trim() : string.Empty;
            switch (keyword)
            {
                case "if" or "with" or "range" or "define":
                    stack.Push(new Frame(keyword, rest));
                    break;
                case "else":
                    var open = stack.Peek();
                    if (rest.Length > 0 || !BlockKeywords.Contains(open.Keyword) || open.InElse)
                    {
                        throw new TemplateSyntaxException($"{name}: unsupported or misplaced '{{{{ {action} }}}}'");
                    }

                    open.InElse = true;
                    break;
                case "end":
                    if (stack.Count == 1)
                    {
                        throw new TemplateSyntaxException($"{name}: '{{{{ end }}}}' without an open block");
                    }

                    var done = stack.Pop();
                    if (done.Keyword == "define")
                    {
                        defines[done.Pipeline.Trim('"')] = done.Body;
                    }
                    else
                    {
                        stack.Peek().Current.Add(new BlockNode(done.Keyword, done.Pipeline, done.Body, done.ElseBody));
                    }

                    break;
                case "template" or "block" or "break" or "continue":
                    throw new TemplateSyntaxException($"{name}: '{keyword}' is outside the supported subset");
                default:
                    if (action.StartsWith('$'))
                    {
                        throw new TemplateSyntaxException($"{name}: variables are outside the supported subset");
                    }

                    stack.Peek().Current.Add(new ActionNode(action));
                    break;
            }
        }

        if (stack.Count != 1)
        {
            throw new TemplateSyntaxException($"{name}: '{{{{ {stack.Peek().Keyword} }}}}' has no '{{{{ end }}}}'");
        }

        return new ParsedTemplate(root.Body, defines);
    }

    private static List<Token> Tokenize(string source, string name)
    {
        var tokens = new List<Token>();
        var position = 0;
        var trimNext = false;
        while (position < source.Length)
        {
            var open = source.IndexOf("{{", position, StringComparison.Ordinal);
            var text = source[position..(open < 0 ? source.Length : open)];
            if (text.Contains("}}", StringComparison.Ordinal))
            {
                throw new TemplateSyntaxException($"{name}: '}}}}' without '{{{{' before offset {position + text.IndexOf("}}", StringComparison.Ordinal) + 1}");
            }

            if (open < 0)
            {
                tokens.Add(new Token(trimNext ? text.TrimStart() : text, null));
                break;
            }

            var close = source.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var nextOpen = source.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                throw new TemplateSyntaxException($"{name}: '{{{{' at offset {open} is not closed by '}}}}'");
            }

            var inner = source[(open + 2)..close];
            var trimLeft = inner.StartsWith("- ", StringComparison.Ordinal);
            var trimRight = inner.EndsWith(" -", StringComparison.Ordinal);
            text = trimNext ? text.TrimStart() : text;
            tokens.Add(new Token(trimLeft ? text.TrimEnd() : text, null));
            var action = inner[(trimLeft ? 2 : 0)..(inner.Length - (trimRight ? 2 : 0))].Trim();
            if (!(action.StartsWith("/*", StringComparison.Ordinal) && action.EndsWith("*/", StringComparison.Ordinal)))
            {
                tokens.Add(new Token(null, action));
            }

            trimNext = trimRight;
            position = close + 2;
        }

        return tokens;
    }

    private sealed record Token(string? Text, string? Action);

    private sealed class Frame(string keyword, string pipeline)
    {
        public string Keyword { get; } = keyword;

        public string Pipeline { get; } = pipeline;

        public List<TemplateNode> Body { get; } = [];

        public List<TemplateNode> ElseBody { get; } = [];

        public bool InElse { get; set; }

        public List<TemplateNode> Current => InElse ? ElseBody : Body;
    }
}
