using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views;

/// <summary>The words views use for each change, shared so that text and markdown say the same thing.</summary>
internal static class ChangeText
{
    /// <summary>Terraform's symbol: <c>+</c>, <c>~</c>, <c>-</c>, <c>-/+</c>; <c>!</c> for drift reports, <c>=</c> for kept objects.</summary>
    public static string Symbol(ResourceChange c) => c.IsDriftOnly ? "!" : c.Action switch
    {
        PlanAction.Create => "+",
        PlanAction.Update => "~",
        PlanAction.Delete => "-",
        PlanAction.Replace => "-/+",
        _ => "=",
    };

    /// <summary>The headline after the address, e.g. <c>will be created</c>.</summary>
    public static string Headline(ResourceChange c) => c.IsDriftOnly
        ? $"has drifted and will NOT be changed (it would {Verb(c.DriftAction!.Value)})"
        : c.Action switch
        {
            PlanAction.Create => "will be created",
            PlanAction.Update => "will be updated in-place",
            PlanAction.Delete => "will be destroyed",
            PlanAction.Replace => "must be replaced",
            _ => "will be kept as it is",
        };

    public static string Verb(PlanAction action) => action switch
    {
        PlanAction.Create => "be created",
        PlanAction.Update => "be updated in-place",
        PlanAction.Delete => "be destroyed",
        PlanAction.Replace => "be replaced",
        _ => "stay",
    };

    /// <summary>True for changes a view shows: every action, drift reports, and no-ops with a reason (orphans).</summary>
    public static bool IsShown(ResourceChange c) => c.Action != PlanAction.NoOp || c.IsDriftOnly || c.Reason is not null;

    /// <summary>Field lines without indentation, e.g. <c>~ requiredVotes = 0 -> 5</c>, names padded to align. Empty for
    /// reports without field differences (orphans, refused deletes).</summary>
    public static IReadOnlyList<string> Body(ResourceChange c)
    {
        var rows = Rows(c).ToList();
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Path.Length);
        return [.. rows.Select(r => $"{r.Symbol} {r.Path.PadRight(width)} = {r.Text}")];
    }

    private static IEnumerable<(string Symbol, string Path, string Text)> Rows(ResourceChange c)
    {
        if (c.Action == PlanAction.Create || (c.IsDriftOnly && c.Before is null))
        {
            var symbol = c.Action == PlanAction.Create ? "+" : "!";
            return ValueText.Flatten(c.After).Select(l => (symbol, l.Path, ValueText.Of(l.Value)))
                .Concat(c.SensitivePaths.Select(p => (symbol, p, ValueText.Sensitive)));
        }

        if (c.Action == PlanAction.Delete)
        {
            return ValueText.Flatten(c.Before).Select(l => ("-", l.Path, ValueText.Of(l.Value)));
        }

        if (c.Action == PlanAction.Replace && c.FieldChanges.Count == 0)
        {
            // A dependent recreated as it is: show what will be created again, unchanged.
            return ValueText.Flatten(c.After).Select(l => (" ", l.Path, ValueText.Of(l.Value)));
        }

        return c.FieldChanges.Select(f => ("~", f.Path, FieldText(c, f)));
    }

    private static string FieldText(ResourceChange c, FieldChange f)
    {
        if (f.Sensitive)
        {
            return c.Action == PlanAction.Update ? ValueText.SensitiveRotated : ValueText.Sensitive;
        }

        var text = $"{ValueText.Of(f.Old)} -> {ValueText.Of(f.New)}";
        return f.ForcesReplacement ? text + " # forces replacement" : text;
    }
}
