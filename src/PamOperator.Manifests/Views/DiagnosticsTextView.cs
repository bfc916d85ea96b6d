using System.Text;
using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Views;

/// <summary>
/// Human view of diagnostics, compiler style: <c>file:line:col: error PAM101: summary [address]</c>, then the detail
/// indented by four spaces. Used by every command that reports diagnostics.
/// </summary>
public static class DiagnosticsTextView
{
    /// <param name="diagnostics">What to print.</param>
    /// <param name="color">On a terminal only: errors' first line in red, warnings' in yellow (ANSI).</param>
    public static string Render(IEnumerable<Diagnostic> diagnostics, bool color = false)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            if (color)
            {
                sb.Append(d.Severity == Severity.Error ? "\u001b[31m" : "\u001b[33m");
            }

            sb.Append(d);
            if (d.Address is not null)
            {
                sb.Append(" [").Append(d.Address).Append(']');
            }

            if (color)
            {
                sb.Append("\u001b[0m");
            }

            sb.Append('\n');
            if (d.Detail.Length > 0)
            {
                sb.Append("    ").Append(d.Detail).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary><c>3 errors, 1 warning in 5 objects</c>.</summary>
    public static string Summary(IReadOnlyCollection<Diagnostic> diagnostics, int objects)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        return $"{Plural(errors, "error")}, {Plural(warnings, "warning")} in {Plural(objects, "object")}";
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
