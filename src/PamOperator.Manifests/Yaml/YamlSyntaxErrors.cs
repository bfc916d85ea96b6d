using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

/// <summary>Turns a parser failure into a diagnostic: a tab in indentation gets its own code and line (the parser
/// reports tabs at the start of the enclosing mapping), anything else is a syntax error where the parser stopped.</summary>
internal static class YamlSyntaxErrors
{
    public static Diagnostic Describe(string message, SourceLocation at, string text)
    {
        var tabLine = TabIndentedLine(text, at.Line);
        if (tabLine > 0 && message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return Diagnostic.Error(DiagnosticCodes.TabIndentation, "tab used for indentation",
                "YAML indentation must be spaces; replace the tabs at the start of this line with spaces.",
                at with { Line = tabLine, Column = 1 });
        }

        return Diagnostic.Error(DiagnosticCodes.YamlSyntax, $"YAML syntax error: {message}",
            "Fix the YAML at this position (indentation, a missing ':' or closing bracket or quote). "
            + "Documents before this point were read; the rest of the file was not.", at);
    }

    /// <summary>The first line at or after <paramref name="fromLine"/> whose indentation contains a tab; 0 when none.</summary>
    private static int TabIndentedLine(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var line = lines[i];
            var indentEnd = 0;
            while (indentEnd < line.Length && line[indentEnd] is ' ' or '\t')
            {
                indentEnd++;
            }

            if (line.AsSpan(0, indentEnd).Contains('\t'))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
