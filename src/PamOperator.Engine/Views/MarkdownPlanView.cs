using System.Globalization;
using System.Net;
using System.Text;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views;

/// <summary>
/// The plan as a pull-request comment (GitHub-flavoured markdown): the summary table, then destroys and
/// replacements in a CAUTION block that cannot be missed, drift in a WARNING block, diagnostics (errors and warnings,
/// the input's first), and one collapsible details block per change (destroys and replacements first). A plan too
/// long for a comment (<see cref="MaxCommentLength"/>) is rendered by <see cref="RenderSummary"/> instead: the same
/// blocks, bounded, one line per change, and where the full plan is. Pure.
/// </summary>
public static class MarkdownPlanView
{
    /// <summary>GitHub's limit for a comment body, in characters (GitLab's notes allow more).</summary>
    public const int MaxCommentLength = 65_536;

    /// <summary>The full comment. <paramref name="inputDiagnostics"/>: diagnostics of reading the input (warnings),
    /// shown before the plan's own. Default none.</summary>
    public static string Render(Plan plan, IReadOnlyList<Diagnostic>? inputDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder();
        WriteHeader(sb, plan);
        WriteBlock(sb, CautionHead(plan), CautionLines(plan), int.MaxValue);
        WriteBlock(sb, DriftHead(plan), DriftLines(plan), int.MaxValue);
        WriteDiagnostics(sb, [.. inputDiagnostics ?? [], .. plan.Diagnostics], int.MaxValue);
        var shown = Shown(plan);
        if (shown.Count > 0)
        {
            sb.Append("### Changes\n\n");
            foreach (var c in shown)
            {
                WriteDetails(sb, c);
            }
        }

        WriteFooter(sb, plan);
        return sb.ToString();
    }

    /// <summary>The comment for a plan whose full rendering has <paramref name="fullLength"/> characters, more than a
    /// comment holds: every block bounded so the whole stays within <paramref name="budget"/> characters, one line per
    /// change, and a note that points to <paramref name="artifact"/> (the saved plan) for the rest.</summary>
    public static string RenderSummary(Plan plan, IReadOnlyList<Diagnostic>? inputDiagnostics, int budget, int fullLength, string? artifact)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder();
        WriteHeader(sb, plan);
        var where = artifact is null
            ? "Run `pamctl plan` (or `pamctl plan --out FILE` and `pamctl show FILE`) to read it whole."
            : $"The full plan is the saved plan {Code(artifact)} (keep it as a CI artifact; read it with <code>pamctl show {WebUtility.HtmlEncode(artifact)}</code>).";
        sb.Append("> [!NOTE]\n> This plan is summarised: in full it is ")
          .Append(fullLength.ToString("N0", CultureInfo.InvariantCulture))
          .Append(" characters, more than a pull-request comment holds. ").Append(where).Append("\n\n");
        var start = sb.Length;
        var footer = new StringBuilder();
        WriteFooter(footer, plan);
        var room = Math.Max(0, budget - start - footer.Length - 200);
        WriteBlock(sb, CautionHead(plan), CautionLines(plan), start + (room * 3 / 10));
        WriteBlock(sb, DriftHead(plan), DriftLines(plan), sb.Length + (room * 15 / 100));
        WriteDiagnostics(sb, [.. inputDiagnostics ?? [], .. plan.Diagnostics], sb.Length + (room / 5));
        var lines = Shown(plan).Select(c => $"- {Code(ChangeText.Symbol(c) + " " + c.Address)} {WebUtility.HtmlEncode(ChangeText.Headline(c))}\n").ToList();
        if (lines.Count > 0)
        {
            sb.Append("### Changes\n\n");
            AppendBounded(sb, lines, start + room, n => $"- … and {n} more change(s), in the full plan\n");
            sb.Append('\n');
        }

        sb.Append(footer);
        return sb.ToString();
    }

    /// <summary>The comment for a run that stopped before a plan existed (invalid input, a PAM that could not be
    /// reached): says so, with the diagnostics, within a comment's length.</summary>
    public static string RenderFailure(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sb = new StringBuilder("## PamOperator plan\n\n");
        sb.Append("> [!CAUTION]\n> **Planning failed**: there is no plan, and nothing will be changed. Fix the errors below.\n\n");
        WriteDiagnostics(sb, diagnostics, MaxCommentLength - 200);
        sb.Append("**Planning failed: fix the errors above. Nothing will be changed.**\n");
        return sb.ToString();
    }

    /// <summary>A <c>### Diagnostics</c> section of at most about <paramref name="limit"/> characters.</summary>
    public static string DiagnosticsSection(IReadOnlyList<Diagnostic> diagnostics, int limit)
    {
        var sb = new StringBuilder();
        WriteDiagnostics(sb, diagnostics, limit);
        return sb.ToString();
    }

    private static void WriteHeader(StringBuilder sb, Plan plan)
    {
        sb.Append("## PamOperator plan\n\n");
        var s = plan.Summary;
        sb.Append("| Add | Change | Destroy |\n|----:|-------:|--------:|\n");
        sb.Append($"| {s.Add} | {s.Change} | {s.Destroy} |\n\n");
    }

    private static void WriteFooter(StringBuilder sb, Plan plan) =>
        sb.Append("**").Append(HumanPlanView.SummaryLine(plan).Replace("\n", "**\n\n**", StringComparison.Ordinal)).Append("**\n");

    private static List<ResourceChange> Shown(Plan plan) => [.. plan.Changes.Where(ChangeText.IsShown).OrderBy(Rank)];

    private static List<ResourceChange> Destructive(Plan plan) => [.. plan.Changes.Where(c => c.Action is PlanAction.Delete or PlanAction.Replace)];

    private static string? CautionHead(Plan plan)
    {
        var destructive = Destructive(plan);
        if (destructive.Count == 0)
        {
            return null;
        }

        var replaced = destructive.Count(c => c.Action == PlanAction.Replace);
        return "> [!CAUTION]\n" + $"> **This plan destroys {destructive.Count} PAM object(s)**"
            + (replaced == 0 ? ".\n" : $", {replaced} of them replaced (destroyed, then created again with a new id).\n");
    }

    private static List<string> CautionLines(Plan plan) => [.. Destructive(plan).Select(c =>
        $"> - {Code(c.Address.ToString())} will be **{(c.Action == PlanAction.Delete ? "destroyed" : "replaced")}**"
        + (c.Reason is null ? "\n" : $" ({Escape(c.Reason)})\n"))];

    private static string? DriftHead(Plan plan)
    {
        var drifted = plan.Changes.Count(c => c.IsDriftOnly);
        return drifted == 0 ? null : $"> [!WARNING]\n> **{drifted} object(s) have drifted** and will NOT be changed:\n";
    }

    private static List<string> DriftLines(Plan plan) => [.. plan.Changes.Where(c => c.IsDriftOnly).Select(c =>
        $"> - {Code(c.Address.ToString())}: would {ChangeText.Verb(c.DriftAction!.Value)} ({Escape(c.Reason ?? "")})\n")];

    /// <summary>A quoted block: its head, then its lines while <paramref name="limit"/> (a length of
    /// <paramref name="sb"/>) allows; nothing without a head.</summary>
    private static void WriteBlock(StringBuilder sb, string? head, List<string> lines, int limit)
    {
        if (head is null)
        {
            return;
        }

        sb.Append(head);
        AppendBounded(sb, lines, limit, n => $"> - … and {n} more\n");
        sb.Append('\n');
    }

    /// <summary>Appends <paramref name="lines"/> while <paramref name="sb"/> stays within <paramref name="limit"/>
    /// characters, then one line from <paramref name="more"/> for those left out.</summary>
    private static void AppendBounded(StringBuilder sb, List<string> lines, int limit, Func<int, string> more)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var tail = i == lines.Count - 1 ? 0 : 64;
            if (sb.Length + lines[i].Length + tail > limit)
            {
                sb.Append(more(lines.Count - i));
                return;
            }

            sb.Append(lines[i]);
        }
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

    private static void WriteDiagnostics(StringBuilder sb, IReadOnlyList<Diagnostic> diagnostics, int limit)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        sb.Append("### Diagnostics\n\n");
        var lines = diagnostics.Select(d =>
        {
            var where = d.Location is null ? "" : $" at {Code(d.Location.ToString())}";
            return $"- **{(d.Severity == Severity.Error ? "Error" : "Warning")} {d.Code}**{where}: {Escape(d.Summary)}. {Escape(d.Detail)}\n";
        }).ToList();
        AppendBounded(sb, lines, limit, n => $"- … and {n} more diagnostic(s)\n");
        sb.Append('\n');
    }

    private static string Code(string text) => $"<code>{WebUtility.HtmlEncode(text)}</code>";

    private static string Escape(string text) => WebUtility.HtmlEncode(text)
        .Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("`", "\\`", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
