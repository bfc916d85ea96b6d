using System.Net;
using System.Text;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views;

/// <summary>
/// The plan as a pull-request comment (GitHub-flavoured markdown): the summary table, then destroys and
/// replacements in a CAUTION block that cannot be missed, drift in a WARNING block, diagnostics, and one collapsible
/// details block per change (destroys and replacements first). Pure.
/// </summary>
public static class MarkdownPlanView
{
    public static string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder("## PamOperator plan\n\n");
        var s = plan.Summary;
        sb.Append("| Add | Change | Destroy |\n|----:|-------:|--------:|\n");
        sb.Append($"| {s.Add} | {s.Change} | {s.Destroy} |\n\n");

        var destructive = plan.Changes.Where(c => c.Action is PlanAction.Delete or PlanAction.Replace).ToList();
        if (destructive.Count > 0)
        {
            var replaced = destructive.Count(c => c.Action == PlanAction.Replace);
            sb.Append("> [!CAUTION]\n");
            sb.Append($"> **This plan destroys {destructive.Count} PAM object(s)**");
            sb.Append(replaced == 0 ? ".\n" : $", {replaced} of them replaced (destroyed, then created again with a new id).\n");
            foreach (var c in destructive)
            {
                sb.Append($"> - {Code(c.Address.ToString())} will be **{(c.Action == PlanAction.Delete ? "destroyed" : "replaced")}**");
                sb.Append(c.Reason is null ? "\n" : $" ({Escape(c.Reason)})\n");
            }

            sb.Append('\n');
        }

        var drifted = plan.Changes.Where(c => c.IsDriftOnly).ToList();
        if (drifted.Count > 0)
        {
            sb.Append($"> [!WARNING]\n> **{drifted.Count} object(s) have drifted** and will NOT be changed:\n");
            foreach (var c in drifted)
            {
                sb.Append($"> - {Code(c.Address.ToString())}: would {ChangeText.Verb(c.DriftAction!.Value)} ({Escape(c.Reason ?? "")})\n");
            }

            sb.Append('\n');
        }

        WriteDiagnostics(sb, plan.Diagnostics);
        var shown = plan.Changes.Where(ChangeText.IsShown).OrderBy(Rank).ToList();
        if (shown.Count > 0)
        {
            sb.Append("### Changes\n\n");
            foreach (var c in shown)
            {
                WriteDetails(sb, c);
            }
        }

        sb.Append("**").Append(HumanPlanView.SummaryLine(plan).Replace("\n", "**\n\n**", StringComparison.Ordinal)).Append("**\n");
        return sb.ToString();
    }

    private static int Rank(ResourceChange c) => c.IsDriftOnly ? 4 : c.Action switch
    {
        PlanAction.Delete => 0,
        PlanAction.Replace => 1,
        PlanAction.Create => 2,
        PlanAction.Update => 3,
        _ => 5,
    };

    private static void WriteDetails(StringBuilder sb, ResourceChange c)
    {
        sb.Append($"<details><summary><code>{WebUtility.HtmlEncode(ChangeText.Symbol(c) + " " + c.Address)}</code> ");
        sb.Append(WebUtility.HtmlEncode(ChangeText.Headline(c))).Append("</summary>\n\n");
        if (c.Reason is not null)
        {
            sb.Append("Reason: ").Append(Escape(c.Reason)).Append("\n\n");
        }

        var body = ChangeText.Body(c);
        if (body.Count > 0)
        {
            sb.Append("```diff\n");
            foreach (var line in body)
            {
                sb.Append(line.Replace("```", "`\u200b``", StringComparison.Ordinal)).Append('\n');
            }

            sb.Append("```\n\n");
        }

        sb.Append("</details>\n\n");
    }

    private static void WriteDiagnostics(StringBuilder sb, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        sb.Append("### Diagnostics\n\n");
        foreach (var d in diagnostics)
        {
            var where = d.Location is null ? "" : $" at {Code(d.Location.ToString())}";
            sb.Append($"- **{(d.Severity == Severity.Error ? "Error" : "Warning")} {d.Code}**{where}: {Escape(d.Summary)}. {Escape(d.Detail)}\n");
        }

        sb.Append('\n');
    }

    private static string Code(string text) => $"<code>{WebUtility.HtmlEncode(text)}</code>";

    private static string Escape(string text) => WebUtility.HtmlEncode(text)
        .Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("`", "\\`", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
