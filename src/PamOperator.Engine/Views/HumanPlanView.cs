using System.Text;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views;

/// <summary>
/// The plan as people read it in a terminal, after Terraform's: one block per change (<c>+</c> create,
/// <c>~</c> update in-place, <c>-</c> destroy, <c>-/+</c> replace, <c>!</c> drift reported), field-level lines,
/// secrets as <c>(sensitive value)</c>, diagnostics, then the summary line. Pure: Plan in, text out.
/// </summary>
public static class HumanPlanView
{
    public const string NoChanges = "No changes. The live PAM matches the manifests.";

    /// <summary>Renders <paramref name="plan"/>; <paramref name="color"/> adds ANSI colours (off by default, and
    /// should be off whenever the output is not a terminal). Lines end with <c>\n</c>.</summary>
    public static string Render(Plan plan, bool color = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var palette = new AnsiPalette(color);
        var sb = new StringBuilder();
        var shown = plan.Changes.Where(ChangeText.IsShown).ToList();
        if (shown.Count > 0)
        {
            sb.Append("PamOperator will perform the following actions:\n");
            sb.Append("  ").Append(palette.Create("+")).Append(" create   ").Append(palette.Update("~")).Append(" update in-place   ")
              .Append(palette.Delete("-")).Append(" destroy   ").Append(palette.Replace("-/+")).Append(" destroy and then create replacement   ")
              .Append(palette.Drift("!")).Append(" drift reported, not changed\n");
        }

        foreach (var change in shown)
        {
            sb.Append('\n');
            WriteChange(sb, change, palette);
        }

        WriteTracked(sb, plan);
        WriteDiagnostics(sb, plan.Diagnostics, palette);
        sb.Append('\n').Append(SummaryLine(plan, palette)).Append('\n');
        return sb.ToString();
    }

    /// <summary>The closing line: <c>Plan: X to add, Y to change, Z to destroy.</c>, <see cref="NoChanges"/>, or
    /// a failure line when the plan has errors.</summary>
    public static string SummaryLine(Plan plan, AnsiPalette? palette = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        palette ??= new AnsiPalette(false);
        var s = plan.Summary;
        if (plan.HasErrors)
        {
            return palette.Bold("Planning failed: fix the errors above. Nothing will be changed.");
        }

        if (!plan.HasChanges && !plan.HasDrift)
        {
            return palette.Bold(NoChanges);
        }

        var line = palette.Bold($"Plan: {s.Add} to add, {s.Change} to change, {s.Destroy} to destroy.");
        var drifted = plan.Changes.Count(c => c.IsDriftOnly);
        return drifted == 0 ? line : line + $"\nDrift: {drifted} object(s) differ from the manifests and will NOT be changed.";
    }

    private static void WriteChange(StringBuilder sb, ResourceChange change, AnsiPalette palette)
    {
        sb.Append("  ").Append(palette.Bold($"# {change.Address} {ChangeText.Headline(change)}")).Append('\n');
        if (change.Reason is not null)
        {
            sb.Append("  # (").Append(change.Reason).Append(")\n");
        }

        var symbol = ChangeText.Symbol(change);
        var body = ChangeText.Body(change);
        sb.Append(symbol.Length == 1 ? "  " : "").Append(palette.For(change, symbol)).Append(' ').Append(change.Address);
        if (body.Count == 0)
        {
            sb.Append('\n');
            return;
        }

        sb.Append(" {\n");
        foreach (var line in body)
        {
            sb.Append("      ").Append(palette.For(change, line[..1])).Append(line[1..]).Append('\n');
        }

        sb.Append("    }\n");
    }

    private static void WriteDiagnostics(StringBuilder sb, IReadOnlyList<Diagnostic> diagnostics, AnsiPalette palette)
    {
        foreach (var d in diagnostics)
        {
            var label = d.Severity == Severity.Error ? palette.Delete("Error:") : palette.Update("Warning:");
            sb.Append('\n').Append(label).Append(' ').Append(d.Code).Append(' ').Append(d.Summary).Append('\n');
            if (d.Location is not null || d.Address is not null)
            {
                sb.Append("  on ").Append(d.Location?.ToString() ?? "(no file)");
                sb.Append(d.Address is null ? "" : $" ({d.Address})").Append('\n');
            }

            sb.Append("  ").Append(d.Detail).Append('\n');
        }
    }

    /// <summary>Lifecycle objects (e.g. access requests) with the status the PAM reports: tracked, never diffed.</summary>
    private static void WriteTracked(StringBuilder sb, Plan plan)
    {
        var tracked = plan.Changes.Where(c => c.Status is { Count: > 0 }).ToList();
        if (tracked.Count == 0)
        {
            return;
        }

        sb.Append("\nTracked objects (status as the PAM reports it):\n");
        foreach (var c in tracked)
        {
            sb.Append("  ").Append(c.Address).Append(": ")
              .AppendJoin(", ", c.Status!.Select(p => $"{p.Key}={ValueText.Of(p.Value)}")).Append('\n');
        }
    }
}
