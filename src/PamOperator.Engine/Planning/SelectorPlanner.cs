using System.Text.Json.Nodes;
using PamOperator.Core;
using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Phase 2b: selector manifests (<see cref="KindCapability.Selector"/>). Each selects live objects of another type by
/// its selector and plans, for every selected object missing some of the carried values, an update of that object that
/// adds them (one change per object, addressed <c>kind.name[object key]</c>, the write made through the selector's
/// kind). Two selectors over the same object merge into one change. Values an object has beyond those declared are
/// never removed. Observe-only policies report the same as drift.
/// </summary>
internal static class SelectorPlanner
{
    public static void Run(PlanContext context)
    {
        foreach (var m in context.Declared.Values.Where(m => m.Kind.Capability == KindCapability.Selector && m.Kind.Selection is not null))
        {
            var selection = m.Kind.Selection!;
            var wanted = Strings(m.Spec[selection.CarriedField]);
            var selector = m.Spec[selection.SelectorField] as JsonObject ?? [];
            foreach (var live in context.Live.OfType(new ObjectType(m.Kind.Group, selection.SelectsWireType)).OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                if (live.Builtin || live.Hidden || !Matches(selector, live.Spec))
                {
                    continue;
                }

                Plan(context, m, live, wanted);
            }
        }
    }

    private static void Plan(PlanContext context, ManifestObject m, LiveObject live, IReadOnlyList<string> wanted)
    {
        var field = m.Kind.Selection!.CarriedField;
        var id = PlanContext.IdOf(live);
        var existing = context.Changes.GetValueOrDefault(id);
        var current = Strings((existing?.After ?? live.Spec)[field]);
        var missing = wanted.Where(v => !current.Contains(v, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0 && existing is not null)
        {
            return;
        }

        var before = new JsonObject { [field] = new JsonArray([.. Strings(live.Spec[field]).Select(v => (JsonNode)v)]) };
        var after = new JsonObject { [field] = new JsonArray([.. current.Concat(missing).Select(v => (JsonNode)v)]) };
        var policies = PlanContext.PoliciesOf(m);
        var change = new ResourceChange
        {
            Address = existing?.Address ?? new ObjectAddress(m.Kind.Vendor, m.Kind.Kind, $"{m.Name}[{live.Key}]"),
            Type = live.Type,
            Key = live.Key,
            ExternalId = live.ExternalId,
            Action = PlanAction.NoOp,
            Before = before,
            After = missing.Count == 0 ? before : after,
            SelectedBy = m.Kind.Type,
            Reason = $"selected by {m.Address}",
            Location = m.Location,
        };
        if (missing.Count > 0)
        {
            var fieldChanges = new List<FieldChange> { new(field, before[field]!.DeepClone(), after[field]!.DeepClone()) };
            change = policies.HasFlag(ManagementPolicies.Update)
                ? change with { Action = PlanAction.Update, FieldChanges = fieldChanges }
                : DeclaredPlanner.Drift(change with { FieldChanges = fieldChanges }, PlanAction.Update, policies, ChangeReasons.UpdateForbidden);
        }

        context.Changes[id] = change;
    }

    private static bool Matches(JsonObject selector, JsonObject spec) =>
        selector.All(p => p.Value is null
            || (p.Value is JsonValue v && spec[p.Key] is JsonValue s && string.Equals(v.ToString(), s.ToString(), StringComparison.OrdinalIgnoreCase)));

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray list ? [.. list.OfType<JsonValue>().Select(v => v.ToString())] : [];
}
