using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PamOperator.Kubernetes.TestServer.Admission;

/// <summary>A CEL rule that could not be compiled or evaluated; the message is what the Status reports.</summary>
internal sealed class CelException(string message) : Exception(message);

/// <summary>
/// A small evaluator for the subset of CEL (github.com/google/cel-spec) that CRD validation rules use: literals
/// (int, uint, double, string, bool, null, lists, maps), <c>self</c>/<c>oldSelf</c> and macro variables, field
/// selection and indexing, <c>! - * / % + - &lt; &lt;= &gt; &gt;= == != in &amp;&amp; || ?:</c>, the macros
/// <c>has</c>, <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>, <c>filter</c>, and the functions <c>size</c>,
/// <c>contains</c>, <c>startsWith</c>, <c>endsWith</c>, <c>matches</c>, <c>int</c>, <c>string</c>. Anything else is
/// refused when the rule is compiled (so its CRD is refused, loudly), never evaluated approximately. Values are null,
/// bool, long, ulong, double, string, <c>List&lt;object?&gt;</c> and <c>Dictionary&lt;string, object?&gt;</c>.
/// Logical operators absorb errors as CEL does (<c>false &amp;&amp; error</c> is false). The Cel 0.3.3 package was
/// measured first and rejected: it throws on string ordering (<c>'11' &lt; '13'</c>), which PAM205 uses.
/// </summary>
internal sealed class CelExpression
{
    private static readonly HashSet<string> Macros = ["all", "exists", "exists_one", "map", "filter"];
    private static readonly HashSet<string> Methods = ["size", "contains", "startsWith", "endsWith", "matches"];
    private static readonly HashSet<string> Globals = ["size", "has", "int", "string", "matches"];

    private readonly Node _root;

    private CelExpression(Node root) => _root = root;

    public static CelExpression Compile(string text) => new(new Parser(text).ParseAll());

    public object? Evaluate(IReadOnlyDictionary<string, object?> variables) => Eval(_root, new Scope(variables, null));

    private abstract record Node;
    private sealed record Literal(object? Value) : Node;
    private sealed record Ident(string Name) : Node;
    private sealed record Select(Node Target, string Field) : Node;
    private sealed record Index(Node Target, Node Key) : Node;
    private sealed record Call(Node? Target, string Function, IReadOnlyList<Node> Args) : Node;
    private sealed record Unary(string Op, Node Operand) : Node;
    private sealed record Binary(string Op, Node Left, Node Right) : Node;
    private sealed record Conditional(Node Test, Node Then, Node Else) : Node;
    private sealed record ListNode(IReadOnlyList<Node> Items) : Node;
    private sealed record MapNode(IReadOnlyList<(Node Key, Node Value)> Entries) : Node;

    private sealed class Scope(IReadOnlyDictionary<string, object?> variables, Scope? parent)
    {
        public object? Lookup(string name) =>
            variables.TryGetValue(name, out var value) ? value
            : parent is not null ? parent.Lookup(name)
            : throw new CelException($"undeclared reference to '{name}'");

        public Scope With(string name, object? value) => new(new Dictionary<string, object?> { [name] = value }, this);
    }

    private static object? Eval(Node node, Scope scope) => node switch
    {
        Literal l => l.Value,
        Ident i => scope.Lookup(i.Name),
        Select s => Field(Eval(s.Target, scope), s.Field),
        Index x => IndexInto(Eval(x.Target, scope), Eval(x.Key, scope)),
        Unary { Op: "!" } u => !Bool(Eval(u.Operand, scope)),
        Unary u => Negate(Eval(u.Operand, scope)),
        Binary { Op: "&&" } b => Logical(b, scope, shortCircuit: false),
        Binary { Op: "||" } b => Logical(b, scope, shortCircuit: true),
        Binary b => Operate(b.Op, Eval(b.Left, scope), Eval(b.Right, scope)),
        Conditional c => Bool(Eval(c.Test, scope)) ? Eval(c.Then, scope) : Eval(c.Else, scope),
        ListNode l => l.Items.Select(i => Eval(i, scope)).ToList(),
        MapNode m => m.Entries.ToDictionary(e => Eval(e.Key, scope) as string ?? throw new CelException("map keys must be strings"), e => Eval(e.Value, scope)),
        Call c => Invoke(c, scope),
        _ => throw new CelException($"unsupported expression {node.GetType().Name}"),
    };

    /// <summary>CEL's commutative logic: a deciding operand wins even when the other one is an error.</summary>
    private static object Logical(Binary b, Scope scope, bool shortCircuit)
    {
        CelException? deferred = null;
        foreach (var side in new[] { b.Left, b.Right })
        {
            try
            {
                if (Bool(Eval(side, scope)) == shortCircuit)
                {
                    return shortCircuit;
                }
            }
            catch (CelException e)
            {
                deferred ??= e;
            }
        }

        return deferred is null ? !shortCircuit : throw deferred;
    }

    private static object? Invoke(Call c, Scope scope)
    {
        if (c.Target is not null && Macros.Contains(c.Function))
        {
            return Macro(c, scope);
        }

        if (c is { Target: null, Function: "has" })
        {
            var select = (Select)c.Args[0];
            return Eval(select.Target, scope) switch
            {
                Dictionary<string, object?> map => map.ContainsKey(select.Field),
                null => throw new CelException("has() on a null value"),
                var other => throw new CelException($"has() does not apply to {TypeOf(other)}"),
            };
        }

        var args = new List<object?>();
        if (c.Target is not null)
        {
            args.Add(Eval(c.Target, scope));
        }

        args.AddRange(c.Args.Select(a => Eval(a, scope)));
        return (c.Function, args.ToArray()) switch
        {
            ("size", [string s]) => (long)s.EnumerateRunes().Count(),
            ("size", [List<object?> l]) => (long)l.Count,
            ("size", [Dictionary<string, object?> m]) => (long)m.Count,
            ("contains", [string s, string part]) => s.Contains(part, StringComparison.Ordinal),
            ("startsWith", [string s, string prefix]) => s.StartsWith(prefix, StringComparison.Ordinal),
            ("endsWith", [string s, string suffix]) => s.EndsWith(suffix, StringComparison.Ordinal),
            ("matches", [string s, string pattern]) => Regex.IsMatch(s, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)),
            ("int", [long l]) => l,
            ("int", [ulong u]) => checked((long)u),
            ("int", [double d]) => checked((long)d),
            ("int", [string s]) => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new CelException($"cannot convert \"{s}\" to int"),
            ("string", [var v]) => Text(v),
            _ => throw new CelException($"found no matching overload for '{c.Function}' applied to ({string.Join(", ", args.Select(TypeOf))})"),
        };
    }

    private static object Macro(Call c, Scope scope)
    {
        var range = Eval(c.Target!, scope);
        var items = range switch
        {
            List<object?> l => l,
            Dictionary<string, object?> m => m.Keys.Cast<object?>().ToList(),
            _ => throw new CelException($"{c.Function}() does not apply to {TypeOf(range)}"),
        };
        var variable = ((Ident)c.Args[0]).Name;
        var body = c.Args[1];
        object? Each(object? item) => Eval(body, scope.With(variable, item));
        switch (c.Function)
        {
            case "all":
            case "exists":
                var deciding = c.Function == "exists";
                CelException? deferred = null;
                foreach (var item in items)
                {
                    try
                    {
                        if (Bool(Each(item)) == deciding)
                        {
                            return deciding;
                        }
                    }
                    catch (CelException e)
                    {
                        deferred ??= e;
                    }
                }

                return deferred is null ? !deciding : throw deferred;
            case "exists_one":
                return items.Count(i => Bool(Each(i))) == 1;
            case "map":
                return items.Select(Each).ToList();
            default:
                return items.Where(i => Bool(Each(i))).ToList();
        }
    }

    private static object? Field(object? target, string field) => target switch
    {
        Dictionary<string, object?> map => map.TryGetValue(field, out var value) ? value : throw new CelException($"no such key: {field}"),
        _ => throw new CelException($"no such key: {field}"),
    };

    private static object? IndexInto(object? target, object? key) => (target, key) switch
    {
        (List<object?> l, long i) when i >= 0 && i < l.Count => l[(int)i],
        (List<object?>, long i) => throw new CelException($"index out of bounds: {i}"),
        (Dictionary<string, object?> m, string k) => m.TryGetValue(k, out var value) ? value : throw new CelException($"no such key: {k}"),
        _ => throw new CelException($"no such overload: {TypeOf(target)}[{TypeOf(key)}]"),
    };

    private static object Negate(object? value) => value switch
    {
        long l => checked(-l),
        double d => -d,
        _ => throw new CelException($"no such overload: -{TypeOf(value)}"),
    };

    private static object Operate(string op, object? left, object? right)
    {
        try
        {
            return op switch
            {
                "==" => Equal(left, right),
                "!=" => !Equal(left, right),
                "in" => right switch
                {
                    List<object?> l => l.Any(i => Equal(i, left)),
                    Dictionary<string, object?> m => left is string k && m.ContainsKey(k),
                    _ => throw new CelException($"no such overload: {TypeOf(left)} in {TypeOf(right)}"),
                },
                "<" => Compare(op, left, right) < 0,
                "<=" => Compare(op, left, right) <= 0,
                ">" => Compare(op, left, right) > 0,
                ">=" => Compare(op, left, right) >= 0,
                _ => Arithmetic(op, left, right),
            };
        }
        catch (OverflowException)
        {
            throw new CelException("return error for overflow");
        }
        catch (DivideByZeroException)
        {
            throw new CelException(op == "%" ? "modulus by zero" : "division by zero");
        }
    }

    private static object Arithmetic(string op, object? left, object? right) => (op, left, right) switch
    {
        ("+", long a, long b) => checked(a + b),
        ("-", long a, long b) => checked(a - b),
        ("*", long a, long b) => checked(a * b),
        ("/", long a, long b) => checked(a / b),
        ("%", long a, long b) => a % b,
        ("+", ulong a, ulong b) => checked(a + b),
        ("-", ulong a, ulong b) => checked(a - b),
        ("+", double a, double b) => a + b,
        ("-", double a, double b) => a - b,
        ("*", double a, double b) => a * b,
        ("/", double a, double b) => a / b,
        ("+", string a, string b) => a + b,
        ("+", List<object?> a, List<object?> b) => a.Concat(b).ToList(),
        _ => throw new CelException($"no such overload: {TypeOf(left)} {op} {TypeOf(right)}"),
    };

    private static int Compare(string op, object? left, object? right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (ulong a, ulong b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (long a, double b) => ((double)a).CompareTo(b),
        (double a, long b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (bool a, bool b) => a.CompareTo(b),
        _ => throw new CelException($"no such overload: {TypeOf(left)} {op} {TypeOf(right)}"),
    };

    /// <summary>CEL equality: deep on lists and maps, numeric across int, uint and double.</summary>
    private static bool Equal(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(p => Equal(p.First, p.Second)),
        (Dictionary<string, object?> a, Dictionary<string, object?> b) =>
            a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var v) && Equal(e.Value, v)),
        (long or ulong or double, long or ulong or double) => Convert.ToDouble(left, CultureInfo.InvariantCulture) == Convert.ToDouble(right, CultureInfo.InvariantCulture),
        _ => left.Equals(right),
    };

    private static bool Bool(object? value) => value as bool? ?? throw new CelException($"no such overload: expected bool, found {TypeOf(value)}");

    private static string Text(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long or ulong or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new CelException($"no such overload: string({TypeOf(value)})"),
    };

    private static string TypeOf(object? value) => value switch
    {
        null => "null_type",
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        List<object?> => "list",
        Dictionary<string, object?> => "map",
        _ => value.GetType().Name,
    };

    /// <summary>Recursive descent with CEL's precedence: ?: , ||, &amp;&amp;, relations, + -, * / %, unary, member.</summary>
    private sealed class Parser(string text)
    {
        private readonly List<string> _tokens = Tokenize(text);
        private int _at;

        public Node ParseAll()
        {
            var node = Expression();
            return _at == _tokens.Count ? node : throw Error($"unexpected '{_tokens[_at]}'");
        }

        private Node Expression()
        {
            var test = BinaryLevel(0);
            if (!Accept("?"))
            {
                return test;
            }

            var then = Expression();
            Expect(":");
            return new Conditional(test, then, Expression());
        }

        private static readonly string[][] Levels = [["||"], ["&&"], ["<", "<=", ">", ">=", "==", "!=", "in"], ["+", "-"], ["*", "/", "%"]];

        private Node BinaryLevel(int level)
        {
            if (level == Levels.Length)
            {
                return UnaryLevel();
            }

            var left = BinaryLevel(level + 1);
            while (_at < _tokens.Count && Levels[level].Contains(_tokens[_at]))
            {
                var op = _tokens[_at++];
                left = new Binary(op, left, BinaryLevel(level + 1));
            }

            return left;
        }

        private Node UnaryLevel()
        {
            if (Accept("!"))
            {
                return new Unary("!", UnaryLevel());
            }

            return Accept("-") ? new Unary("-", UnaryLevel()) : Member(Primary());
        }

        private Node Member(Node node)
        {
            while (true)
            {
                if (Accept("."))
                {
                    var name = Identifier();
                    if (Accept("("))
                    {
                        var args = Arguments(")");
                        node = Checked(new Call(node, name, args));
                    }
                    else
                    {
                        node = new Select(node, name);
                    }
                }
                else if (Accept("["))
                {
                    var key = Expression();
                    Expect("]");
                    node = new Index(node, key);
                }
                else
                {
                    return node;
                }
            }
        }

        private Node Primary()
        {
            var token = Next();
            if (token == "(")
            {
                var inner = Expression();
                Expect(")");
                return inner;
            }

            if (token == "[")
            {
                return new ListNode(Arguments("]"));
            }

            if (token == "{")
            {
                var entries = new List<(Node, Node)>();
                while (!Accept("}"))
                {
                    var key = Expression();
                    Expect(":");
                    entries.Add((key, Expression()));
                    if (!Accept(","))
                    {
                        Expect("}");
                        break;
                    }
                }

                return new MapNode(entries);
            }

            if (token[0] is '"' or '\'')
            {
                return new Literal(token[1..]);
            }

            if (char.IsDigit(token[0]) || token[0] == '.')
            {
                return new Literal(Number(token));
            }

            if (!IsIdentifier(token))
            {
                throw Error($"unexpected '{token}'");
            }

            return token switch
            {
                "true" => new Literal(true),
                "false" => new Literal(false),
                "null" => new Literal(null),
                _ when Accept("(") => Checked(new Call(null, token, Arguments(")"))),
                _ => new Ident(token),
            };
        }

        private Call Checked(Call call)
        {
            var known = call.Target is null ? Globals.Contains(call.Function) : Methods.Contains(call.Function) || Macros.Contains(call.Function);
            if (!known)
            {
                throw Error($"undeclared reference to '{call.Function}' (the test server's CEL subset)");
            }

            if (call.Target is not null && Macros.Contains(call.Function) && (call.Args.Count != 2 || call.Args[0] is not Ident))
            {
                throw Error($"{call.Function}() takes a variable name and an expression");
            }

            if (call is { Target: null, Function: "has" } && (call.Args.Count != 1 || call.Args[0] is not Select))
            {
                throw Error("invalid argument to has() macro");
            }

            return call;
        }

        private List<Node> Arguments(string close)
        {
            var args = new List<Node>();
            if (Accept(close))
            {
                return args;
            }

            do
            {
                args.Add(Expression());
            }
            while (Accept(","));
            Expect(close);
            return args;
        }

        private string Identifier()
        {
            var token = Next();
            return IsIdentifier(token) ? token : throw Error($"expected a field name, found '{token}'");
        }

        private bool Accept(string token)
        {
            if (_at < _tokens.Count && _tokens[_at] == token)
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
            {
                throw Error($"expected '{token}'");
            }
        }

        private string Next() => _at < _tokens.Count ? _tokens[_at++] : throw Error("unexpected end of expression");

        private CelException Error(string message) => new($"Syntax error: {message} in \"{text}\"");

        private static bool IsIdentifier(string token) => token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_') && token.All(c => char.IsLetterOrDigit(c) || c == '_');

        private static object Number(string token)
        {
            if (token.EndsWith('u') || token.EndsWith('U'))
            {
                return ulong.Parse(token[..^1], CultureInfo.InvariantCulture);
            }

            if (token.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return long.Parse(token[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }

            return token.Contains('.', StringComparison.Ordinal) || token.Contains('e', StringComparison.OrdinalIgnoreCase)
                ? double.Parse(token, CultureInfo.InvariantCulture)
                : long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : throw new CelException($"Syntax error: integer out of range: {token}");
        }

        /// <summary>Tokens; a string literal becomes its quote character followed by its unescaped text.</summary>
        private static List<string> Tokenize(string text)
        {
            var tokens = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c is '"' or '\'')
                {
                    var sb = new StringBuilder().Append(c);
                    i++;
                    while (i < text.Length && text[i] != c)
                    {
                        if (text[i] == '\\' && i + 1 < text.Length)
                        {
                            i++;
                            sb.Append(text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => text[i] });
                        }
                        else
                        {
                            sb.Append(text[i]);
                        }

                        i++;
                    }

                    if (i >= text.Length)
                    {
                        throw new CelException($"Syntax error: unterminated string in \"{text}\"");
                    }

                    i++;
                    tokens.Add(sb.ToString());
                }
                else if (char.IsDigit(c))
                {
                    var start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.'))
                    {
                        i++;
                    }

                    tokens.Add(text[start..i]);
                }
                else if (char.IsLetter(c) || c == '_')
                {
                    var start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    {
                        i++;
                    }

                    tokens.Add(text[start..i]);
                }
                else
                {
                    var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
                    if (two is "&&" or "||" or "==" or "!=" or "<=" or ">=")
                    {
                        tokens.Add(two);
                        i += 2;
                    }
                    else if ("!<>+-*/%?:.,()[]{}".Contains(c, StringComparison.Ordinal))
                    {
                        tokens.Add(c.ToString());
                        i++;
                    }
                    else
                    {
                        throw new CelException($"Syntax error: unexpected character '{c}' in \"{text}\"");
                    }
                }
            }

            return tokens;
        }
    }
}
