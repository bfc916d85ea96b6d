using System.Text;
using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Views;

/// <summary>
/// Human view of diagnostics, compiler style: <c>file:line:col: error PAM101: summary [address]</c>, then the detail
/// indented by four spaces. Used by every command that reports diagnostics.
/// </summary>
public static class DiagnosticsTextView
{
    public static string Render(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            sb.Append(d);
            if (d.Address is not null)
            {
                sb.Append(" [").Append(d.Address).Append(']');
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
