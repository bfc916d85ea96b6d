using System.Text.Json.Nodes;
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

    /// <summary>Field lines without indentation, e.g. <c>~ requiredVotes = 0 -> 5</c>, names padded to align; a list of
    /// objects (time-policy windows) gets one line per item; a create folds the fields the manifest left at their
    /// defaults into one closing line. Empty for reports without field differences (orphans, refused deletes).</summary>
    public static IReadOnlyList<string> Body(ResourceChange c)
    {
        var rows = Rows(c).ToList();
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Path.Length);
        var lines = new List<string>();
        foreach (var (symbol, path, text, items) in rows)
        {
            if (items is null)
            {
                lines.Add($"{symbol} {path.PadRight(width)} = {text}");
                continue;
            }

            lines.Add($"{symbol} {path.PadRight(width)} = [{text}");
            lines.AddRange(items.Select(i => $"{i.Symbol}     {i.Text}"));
            lines.Add("  ]");
        }

        if (c.Action == PlanAction.Create && c.DefaultedPaths.Count > 0)
        {
            var names = string.Join(", ", c.DefaultedPaths);
            lines.Add($"  # {c.DefaultedPaths.Count} more field(s) at the PAM's defaults: {(names.Length <= MaxDefaultNames ? names : names[..(MaxDefaultNames - 3)] + "...")}");
        }

        return lines;
    }

    private const int MaxDefaultNames = 100;

    private static IEnumerable<(string Symbol, string Path, string Text, IReadOnlyList<(string Symbol, string Text)>? Items)> Rows(ResourceChange c)
    {
        if (c.Action == PlanAction.Create || (c.IsDriftOnly && c.Before is null))
        {
            var symbol = c.Action == PlanAction.Create ? "+" : "!";
            var defaulted = c.Action == PlanAction.Create ? c.DefaultedPaths.ToHashSet(StringComparer.Ordinal) : [];
            return ValueText.Flatten(c.After).Where(l => !defaulted.Contains(l.Path)).Select(l => Whole(symbol, l.Path, l.Value))
                .Concat(c.SensitivePaths.Select(p => (symbol, p, ValueText.Sensitive, (IReadOnlyList<(string, string)>?)null)));
        }

        if (c.Action == PlanAction.Delete)
        {
            return ValueText.Flatten(c.Before).Select(l => Whole("-", l.Path, l.Value));
        }

        if (c.Action == PlanAction.Replace && c.FieldChanges.Count == 0)
        {
            // A dependent recreated as it is: show what will be created again, unchanged.
            return ValueText.Flatten(c.After).Select(l => Whole(" ", l.Path, l.Value));
        }

        return c.FieldChanges.Select(f => !f.Sensitive && (Items(f.Old) is not null || Items(f.New) is not null)
            ? ("~", f.Path, f.ForcesReplacement ? " # forces replacement" : "", ItemChanges(Items(f.Old) ?? [], Items(f.New) ?? []))
            : ("~", f.Path, FieldText(c, f), (IReadOnlyList<(string, string)>?)null));
    }

    /// <summary>A whole value; a list of objects one item a line.</summary>
    private static (string, string, string, IReadOnlyList<(string Symbol, string Text)>?) Whole(string symbol, string path, JsonNode? value) =>
        Items(value) is { } items ? (symbol, path, "", [.. items.Select(i => (symbol, i))]) : (symbol, path, ValueText.Of(value), null);

    /// <summary>The items of a non-empty list of objects, as text; null for any other value.</summary>
    private static List<string>? Items(JsonNode? value) =>
        value is JsonArray { Count: > 0 } array && array.All(i => i is JsonObject) ? [.. array.Select(ValueText.Of)] : null;

    /// <summary>Removed items (<c>-</c>), then the new list with added items marked <c>+</c> and kept ones blank.</summary>
    private static List<(string Symbol, string Text)> ItemChanges(List<string> old, List<string> now) =>
        [.. old.Where(o => !now.Contains(o)).Select(o => ("-", o)), .. now.Select(n => (old.Contains(n) ? " " : "+", n))];

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
