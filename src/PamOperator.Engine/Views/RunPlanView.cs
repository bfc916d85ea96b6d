using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Runs;

namespace PamOperator.Engine.Views;

/// <summary>
/// Renders a run's plan, a section per PAM. A run with one PAM renders exactly as that PAM's plan does (so single-PAM
/// users and golden files see no difference); with several, each PAM's section is headed by its name and target, the
/// JSON's <c>resource_changes</c> carry <c>provider_name</c> (as Terraform's do) and a <c>pams</c> list summarises them.
/// </summary>
public static class RunPlanView
{
    /// <summary><paramref name="format"/> is <c>text</c>, <c>json</c> or <c>markdown</c>.</summary>
    public static string Render(RunPlan run, string format, bool color) => Render(run, format, new PlanViewOptions { Color = color });

    /// <summary><paramref name="format"/> is <c>text</c>, <c>json</c> or <c>markdown</c>; markdown always fits a
    /// pull-request comment (<see cref="MarkdownPlanView.MaxCommentLength"/>), summarised when the full plan does not.</summary>
    public static string Render(RunPlan run, string format, PlanViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        return format switch
        {
            "json" => Json(run, options.InputDiagnostics),
            "markdown" => Markdown(run, options),
            _ => Sections(run, p => HumanPlanView.Render(p.Plan, options.Color), p => $"=== PAM {p.Target.Name}: {p.Target.Description} ===\n") + Total(run),
        };
    }

    /// <summary>The JSON or markdown view of a run that stopped before any plan existed: no change, errored, every
    /// diagnostic. (The text view of such a run is the diagnostics on stderr.)</summary>
    public static string RenderFailure(IReadOnlyList<Diagnostic> diagnostics, string format) => format switch
    {
        "json" => JsonPlanView.RenderFailure(diagnostics),
        "markdown" => MarkdownPlanView.RenderFailure(diagnostics),
        _ => "",
    };

    private static string Markdown(RunPlan run, PlanViewOptions options)
    {
        var several = run.Pams.Count > 1;
        var input = options.InputDiagnostics;
        string Header(PamPlan p) => $"# PAM `{p.Target.Name}` ({p.Target.Description})\n\n";
        var full = InputBlock(several, input) + Sections(run, p => MarkdownPlanView.Render(p.Plan, several ? null : input), Header);
        if (full.Length <= MarkdownPlanView.MaxCommentLength)
        {
            return full;
        }

        var budget = (MarkdownPlanView.MaxCommentLength - 4096) / run.Pams.Count;
        return InputBlock(several, input.Take(20).ToList()) + Sections(run,
            p => MarkdownPlanView.RenderSummary(p.Plan, several ? null : input, budget, full.Length, options.FullPlanArtifact), Header);
    }

    /// <summary>With several PAMs, the input's diagnostics once, before the sections (with one, inside its plan).</summary>
    private static string InputBlock(bool several, IReadOnlyList<Diagnostic> input) =>
        !several || input.Count == 0 ? "" : "# Input\n\n" + MarkdownPlanView.DiagnosticsSection(input, 16_384);

    private static string Sections(RunPlan run, Func<PamPlan, string> render, Func<PamPlan, string> header)
    {
        if (run.Pams.Count == 1)
        {
            return render(run.Pams[0]);
        }

        var sb = new StringBuilder();
        foreach (var pam in run.Pams)
        {
            sb.Append(header(pam)).Append(render(pam)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Total(RunPlan run)
    {
        if (run.Pams.Count == 1)
        {
            return "";
        }

        var s = run.Summary;
        return run.HasErrors
            ? "Planning failed for at least one PAM: fix the errors above. Nothing will be changed on any PAM.\n"
            : $"Total over {run.Pams.Count} PAMs: {s.Add} to add, {s.Change} to change, {s.Destroy} to destroy.\n";
    }

    private static string Json(RunPlan run, IReadOnlyList<Diagnostic> input)
    {
        if (run.Pams.Count == 1)
        {
            return JsonPlanView.Render(run.Pams[0].Plan, input) + "\n";
        }

        var changes = new JsonArray();
        var drift = new JsonArray();
        var diagnostics = new JsonArray([.. input.Select(JsonPlanView.DiagnosticNode)]);
        var pams = new JsonArray();
        foreach (var pam in run.Pams)
        {
            var one = JsonNode.Parse(JsonPlanView.Render(pam.Plan))!.AsObject();
            foreach (var (list, target) in new[] { ("resource_changes", changes), ("resource_drift", drift) })
            {
                foreach (var change in one[list]!.AsArray().Select(c => c!.DeepClone().AsObject()))
                {
                    change["provider_name"] = pam.Target.Name;
                    target.Add(change);
                }
            }

            foreach (var diagnostic in one["diagnostics"]!.AsArray())
            {
                var copy = diagnostic!.DeepClone().AsObject();
                copy["provider_name"] = pam.Target.Name;
                diagnostics.Add(copy);
            }

            pams.Add(new JsonObject
            {
                ["name"] = pam.Target.Name,
                ["target"] = pam.Plan.Target,
                ["applyable"] = one["applyable"]!.DeepClone(),
                ["errored"] = one["errored"]!.DeepClone(),
                ["fingerprint"] = one["fingerprint"]!.DeepClone(),
            });
        }

        var root = new JsonObject
        {
            ["format_version"] = JsonPlanView.FormatVersion,
            ["applyable"] = run.HasChanges && !run.HasErrors,
            ["errored"] = run.HasErrors,
            ["resource_changes"] = changes,
            ["resource_drift"] = drift,
            ["diagnostics"] = diagnostics,
            ["pams"] = pams,
        };
        return root.ToJsonString(ValueText.Indented) + "\n";
    }
}
