using System.Text.RegularExpressions;

namespace PamOperator.Cli.Tests.Ci;

/// <summary>The part of GitHub's expression language the example workflow uses: context paths
/// (<c>steps.plan.outputs.code</c>), string literals, <c>==</c> and <c>!=</c> (strings compare ignoring case),
/// <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, parentheses and the status functions. Anything else is refused.</summary>
internal sealed partial class GitHubExpression
{
    private static readonly string[] StatusFunctions = ["success", "failure", "always", "cancelled"];
    private readonly List<string> _tokens;
    private readonly Func<string, string?> _context;
    private readonly Func<string, bool> _status;
    private int _at;

    private GitHubExpression(string text, Func<string, string?> context, Func<string, bool> status)
    {
        _tokens = Tokenize(text);
        _context = context;
        _status = status;
    }

    [GeneratedRegex(@"\s*(?:(?<t>'(?:[^']|'')*'|==|!=|&&|\|\||[()!]|[A-Za-z_][A-Za-z0-9_.\-]*|\d+))")]
    private static partial Regex Token();

    [GeneratedRegex(@"\$\{\{(?<e>.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Interpolation();

    /// <summary>Replaces every <c>${{ expression }}</c> in <paramref name="text"/> with its value.</summary>
    public static string Interpolate(string text, Func<string, string?> context) =>
        Interpolation().Replace(text, m => Text(new GitHubExpression(m.Groups["e"].Value, context, NoStatus).Parse()));

    /// <summary>An <c>if:</c>: with or without <c>${{ }}</c>; <c>success() &amp;&amp;</c> is implied when it calls no
    /// status function, as GitHub does.</summary>
    public static bool Condition(string? condition, Func<string, string?> context, Func<string, bool> status)
    {
        var text = (condition ?? "success()").Trim();
        if (text.StartsWith("${{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))
        {
            text = text[3..^2];
        }

        if (!StatusFunctions.Any(f => Regex.IsMatch(text, $@"\b{f}\s*\(")))
        {
            text = $"success() && ({text})";
        }

        return Truthy(new GitHubExpression(text, context, status).Parse());
    }

    private static bool NoStatus(string function) => throw new NotSupportedException($"{function}() outside an if:");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var at = 0;
        while (at < text.Length && !string.IsNullOrWhiteSpace(text[at..]))
        {
            var match = Token().Match(text, at);
            if (!match.Success || match.Index != at)
            {
                throw new NotSupportedException($"expression '{text}': cannot read '{text[at..]}'");
            }

            tokens.Add(match.Groups["t"].Value);
            at += match.Length;
        }

        return tokens;
    }

    private object? Parse()
    {
        var value = Or();
        if (_at != _tokens.Count)
        {
            throw new NotSupportedException($"expression: unexpected '{_tokens[_at]}'");
        }

        return value;
    }

    private string? Peek => _at < _tokens.Count ? _tokens[_at] : null;

    private object? Or()
    {
        var left = And();
        while (Peek == "||")
        {
            _at++;
            var right = And();
            left = Truthy(left) ? left : right;
        }

        return left;
    }

    private object? And()
    {
        var left = Comparison();
        while (Peek == "&&")
        {
            _at++;
            var right = Comparison();
            left = Truthy(left) ? right : left;
        }

        return left;
    }

    private object? Comparison()
    {
        var left = Unary();
        if (Peek is "==" or "!=")
        {
            var op = _tokens[_at++];
            var right = Unary();
            var equal = string.Equals(Text(left), Text(right), StringComparison.OrdinalIgnoreCase);
            return op == "==" ? equal : !equal;
        }

        return left;
    }

    private object? Unary()
    {
        if (Peek == "!")
        {
            _at++;
            return !Truthy(Unary());
        }

        return Primary();
    }

    private object? Primary()
    {
        var token = Peek ?? throw new NotSupportedException("expression ends early");
        _at++;
        if (token == "(")
        {
            var inner = Or();
            Expect(")");
            return inner;
        }

        if (token.StartsWith('\''))
        {
            return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if (char.IsDigit(token[0]))
        {
            return token;
        }

        if (token is "true" or "false")
        {
            return token == "true";
        }

        if (Peek == "(")
        {
            _at++;
            Expect(")");
            return StatusFunctions.Contains(token) ? _status(token) : throw new NotSupportedException($"function {token}()");
        }

        return _context(token);
    }

    private void Expect(string token)
    {
        if (Peek != token)
        {
            throw new NotSupportedException($"expression: expected '{token}'");
        }

        _at++;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        _ => value.ToString()!,
    };

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0 && s != "0",
        _ => true,
    };
}

/// <summary>The part of GitLab's <c>rules: if:</c> language the example uses: <c>$VARIABLE</c>, quoted strings,
/// <c>==</c>, <c>!=</c>, <c>&amp;&amp;</c> and <c>||</c> (no parentheses). An unset variable is null.</summary>
internal static partial class GitLabRule
{
    [GeneratedRegex(@"^\s*(?<l>\$\w+|""[^""]*""|'[^']*'|null)\s*(?:(?<op>==|!=)\s*(?<r>\$\w+|""[^""]*""|'[^']*'|null)\s*)?$")]
    private static partial Regex Term();

    public static bool Evaluate(string expression, Func<string, string?> variable) =>
        expression.Split("||").Any(any => any.Split("&&").All(term => Term(term, variable)));

    private static bool Term(string term, Func<string, string?> variable)
    {
        var match = Term().Match(term);
        if (!match.Success)
        {
            throw new NotSupportedException($"rules if: cannot read '{term.Trim()}'");
        }

        var left = Operand(match.Groups["l"].Value, variable);
        if (!match.Groups["op"].Success)
        {
            return !string.IsNullOrEmpty(left);
        }

        var equal = left == Operand(match.Groups["r"].Value, variable);
        return match.Groups["op"].Value == "==" ? equal : !equal;
    }

    private static string? Operand(string text, Func<string, string?> variable) => text switch
    {
        "null" => null,
        _ when text.StartsWith('$') => variable(text[1..]) is { Length: > 0 } value ? value : null,
        _ => text[1..^1],
    };
}
