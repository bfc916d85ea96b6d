using System.Text;

namespace PamOperator.Manifests.Cel;

/// <summary>Splits CEL text into tokens: identifiers, decimal integers, quoted strings and operators.</summary>
internal static class CelLexer
{
    private static readonly string[] Symbols = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "-", "?", ":", ".", ",", "(", ")", "[", "]"];

    public static IReadOnlyList<CelToken> Tokenize(string text)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new(CelTokenKind.Identifier, text[start..i], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new(CelTokenKind.Integer, text[start..i], start));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else
            {
                tokens.Add(ReadSymbol(text, ref i));
            }
        }

        tokens.Add(new(CelTokenKind.End, "", text.Length));
        return tokens;
    }

    private static CelToken ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i++;
        var sb = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                sb.Append(text[i] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                sb.Append(text[i]);
            }

            i++;
        }

        if (i >= text.Length)
        {
            throw new CelSyntaxException($"unterminated string at {start} in: {text}");
        }

        i++;
        return new(CelTokenKind.String, sb.ToString(), start);
    }

    private static CelToken ReadSymbol(string text, ref int i)
    {
        foreach (var symbol in Symbols)
        {
            if (string.CompareOrdinal(text, i, symbol, 0, symbol.Length) == 0)
            {
                var token = new CelToken(CelTokenKind.Symbol, symbol, i);
                i += symbol.Length;
                return token;
            }
        }

        throw new CelSyntaxException($"unexpected character '{text[i]}' at {i} in: {text}");
    }
}
