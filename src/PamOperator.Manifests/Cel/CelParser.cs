using System.Globalization;
using PamOperator.Manifests.Cel.Ast;

namespace PamOperator.Manifests.Cel;

/// <summary>
/// Recursive-descent parser for the CEL subset the rules use: literals (null, bool, int, string, list), variables,
/// field access, <c>has()</c>, <c>size()</c>, the macros <c>all</c>, <c>exists</c>, <c>exists_one</c>, the operators
/// <c>! - == != &lt; &lt;= &gt; &gt;= in &amp;&amp; ||</c> and <c>?:</c>, with CEL's precedence.
/// </summary>
internal sealed class CelParser
{
    private readonly IReadOnlyList<CelToken> _tokens;
    private readonly string _text;
    private int _position;

    private CelParser(string text)
    {
        _text = text;
        _tokens = CelLexer.Tokenize(text);
    }

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(text);
        var expr = parser.Expression();
        parser.Expect(CelTokenKind.End, "");
        return expr;
    }

    private CelExpr Expression()
    {
        var condition = Or();
        if (!Accept("?"))
        {
            return condition;
        }

        var whenTrue = Or();
        Expect(CelTokenKind.Symbol, ":");
        return new CelConditional(condition, whenTrue, Expression());
    }

    private CelExpr Or() => LeftAssociative(And, "||");

    private CelExpr And() => LeftAssociative(Relation, "&&");

    private CelExpr LeftAssociative(Func<CelExpr> operand, params string[] operators)
    {
        var left = operand();
        while (operators.FirstOrDefault(Accept) is { } op)
        {
            left = new CelBinary(op, left, operand());
        }

        return left;
    }

    private CelExpr Relation()
    {
        var left = Unary();
        while (new[] { "==", "!=", "<=", ">=", "<", ">" }.FirstOrDefault(Accept) is { } op || AcceptKeyword("in", out op))
        {
            left = new CelBinary(op, left, Unary());
        }

        return left;
    }

    private CelExpr Unary() =>
        Accept("!") ? new CelUnary("!", Unary()) : Accept("-") ? new CelUnary("-", Unary()) : Member();

    private CelExpr Member()
    {
        var expr = Primary();
        while (Accept("."))
        {
            var name = Expect(CelTokenKind.Identifier, null).Text;
            expr = Accept("(") ? new CelCall(name, expr, Arguments(")")) : new CelSelect(expr, name);
        }

        return expr;
    }

    private CelExpr Primary()
    {
        var token = _tokens[_position++];
        switch (token.Kind)
        {
            case CelTokenKind.Integer:
                return new CelLiteral(long.Parse(token.Text, CultureInfo.InvariantCulture));
            case CelTokenKind.String:
                return new CelLiteral(token.Text);
            case CelTokenKind.Identifier when token.Text is "true" or "false":
                return new CelLiteral(token.Text == "true");
            case CelTokenKind.Identifier when token.Text == "null":
                return new CelLiteral(null);
            case CelTokenKind.Identifier:
                return Accept("(") ? new CelCall(token.Text, null, Arguments(")")) : new CelIdent(token.Text);
            case CelTokenKind.Symbol when token.Text == "(":
                var inner = Expression();
                Expect(CelTokenKind.Symbol, ")");
                return inner;
            case CelTokenKind.Symbol when token.Text == "[":
                return new CelList(Arguments("]"));
            default:
                throw new CelSyntaxException($"unexpected '{token.Text}' at {token.Position} in: {_text}");
        }
    }

    private List<CelExpr> Arguments(string close)
    {
        var args = new List<CelExpr>();
        if (Accept(close))
        {
            return args;
        }

        do
        {
            args.Add(Expression());
        }
        while (Accept(","));
        Expect(CelTokenKind.Symbol, close);
        return args;
    }

    private bool Accept(string symbol)
    {
        var token = _tokens[_position];
        if (token.Kind == CelTokenKind.Symbol && token.Text == symbol)
        {
            _position++;
            return true;
        }

        return false;
    }

    private bool AcceptKeyword(string keyword, out string matched)
    {
        matched = keyword;
        var token = _tokens[_position];
        if (token.Kind == CelTokenKind.Identifier && token.Text == keyword)
        {
            _position++;
            return true;
        }

        return false;
    }

    private CelToken Expect(CelTokenKind kind, string? text)
    {
        var token = _tokens[_position];
        if (token.Kind != kind || (text is not null && kind != CelTokenKind.End && token.Text != text))
        {
            throw new CelSyntaxException($"expected {(text is { Length: > 0 } ? $"'{text}'" : kind.ToString())} at {token.Position} in: {_text}");
        }

        _position++;
        return token;
    }
}
