using System.Text.Json.Nodes;
using PamOperator.Core;
using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Phase 2b: selector manifests (<see cref="KindCapability.Selector"/>). Each selects live objects of another type and
/// plans, for every selected object, one change (addressed <c>kind.name[object key]</c>, the write made through the
/// selector's kind) that adds the carried values it lacks. Two selectors over the same object merge into one change.
/// With an owners field (<see cref="Selection.OwnersField"/>) the change also records which manifest added which
/// value, and removes the values a manifest added and no longer wants: the object left its selection, its carried
/// values changed, it was removed (operator, <c>deletionPolicy: Delete</c>; Orphan only forgets the record), or it is
/// undeclared and inside the prune scope. A value no manifest added is never removed. Without an owners field values
/// are only ever added. Observe-only policies report the same as drift.
/// </summary>
internal static class SelectorPlanner
{
    public static void Run(PlanContext context)
    {
        var work = new Dictionary<(ObjectType Type, string Key), SelectedObject>(ObjectIdComparer.Instance);
        var selectors = context.Declared.Values
            .Where(m => m.Kind.Capability == KindCapability.Selector && m.Kind.Selection is not null)
            .OrderBy(m => m.Address.ToString(), StringComparer.Ordinal).ToList();
        foreach (var m in selectors)
        {
            Declared(context, work, m);
        }

        foreach (var kind in context.KindsByType.Values.Where(k => k.Capability == KindCapability.Selector && k.Selection?.OwnersField is not null))
        {
            Undeclared(context, work, kind, selectors.Where(m => m.Kind == kind).Select(m => m.Key).ToHashSet(StringComparer.Ordinal));
        }

        foreach (var selected in work.Values.OrderBy(s => s.Live.Key, StringComparer.Ordinal))
        {
            Emit(context, selected);
        }
    }

    private static void Declared(PlanContext context, Dictionary<(ObjectType, string), SelectedObject> work, ManifestObject m)
    {
        var selection = m.Kind.Selection!;
        var wanted = SelectedObject.Strings(m.Spec[selection.CarriedField]);
        var selector = m.Spec[selection.SelectorField] as JsonObject ?? [];
        var policies = PlanContext.PoliciesOf(m);
        foreach (var live in context.Live.OfType(new ObjectType(m.Kind.Group, selection.SelectsWireType)).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (live.Builtin || live.Hidden)
            {
                continue;
            }

            if (Matches(selection, selector, live.Spec))
            {
                var selected = Get(work, live);
                selected.Selected = true;
                selected.Contributors.Add((m.Address, m.Kind, m.Location, policies, $"selected by {m.Address}"));
                selected.Want(selection, m.Key, wanted);
            }
            else if (selection.OwnersField is { } owners && (work.GetValueOrDefault(PlanContext.IdOf(live)) is { } s ? s.Owners(owners) : Owners(live, owners)).ContainsKey(m.Key))
            {
                var selected = Get(work, live);
                selected.Contributors.Add((m.Address, m.Kind, m.Location, policies, $"no longer selected by {m.Address}"));
                selected.Release(selection, m.Key);
            }
        }
    }

    /// <summary>Owners of this kind's field that no manifest of the input declares: released when removed with
    /// deletionPolicy Delete or inside the prune scope, forgotten when removed with Orphan, else left alone.</summary>
    private static void Undeclared(PlanContext context, Dictionary<(ObjectType, string), SelectedObject> work, KindDescriptor kind, HashSet<string> declared)
    {
        var selection = kind.Selection!;
        var removed = context.Request.Removed.Where(m => m.Kind == kind).GroupBy(m => m.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var scope = context.Request.Options.Prune ? ScopeMatcher.Compile(context.Request.Options.EffectiveScope, new Core.Diagnostics.DiagnosticBag()) : null;
        foreach (var live in context.Live.OfType(new ObjectType(kind.Group, selection.SelectsWireType)).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var owners = work.GetValueOrDefault(PlanContext.IdOf(live)) is { } s ? s.Owners(selection.OwnersField!) : Owners(live, selection.OwnersField!);
            foreach (var owner in owners.Keys.Where(o => !declared.Contains(o)))
            {
                var address = new ObjectAddress(kind.Vendor, kind.Kind, owner);
                if (removed.TryGetValue(owner, out var m))
                {
                    var selected = Get(work, live);
                    if (m.Control.DeletionPolicy == DeletionPolicy.Delete)
                    {
                        selected.Contributors.Add((address, kind, m.Location, PlanContext.PoliciesOf(m), $"{address} removed (deletionPolicy Delete)"));
                        selected.Release(selection, owner);
                    }
                    else
                    {
                        selected.Contributors.Add((address, kind, m.Location, PlanContext.PoliciesOf(m), $"{address} removed (deletionPolicy Orphan): values kept, no longer owned"));
                        selected.Disown(selection, owner);
                    }
                }
                else if (scope is not null && scope.MatchesName(kind, owner))
                {
                    var selected = Get(work, live);
                    selected.Contributors.Add((address, kind, null, ManagementPolicies.All, $"{address} no longer declared (pruned)"));
                    selected.Release(selection, owner);
                }
            }
        }
    }

    private static void Emit(PlanContext context, SelectedObject selected)
    {
        var live = selected.Live;
        var before = new JsonObject();
        var fieldChanges = new List<FieldChange>();
        foreach (var (field, after) in selected.After)
        {
            var old = live.Spec[field]?.DeepClone() ?? (after is JsonObject ? new JsonObject() : new JsonArray());
            before[field] = old;
            if (!JsonNode.DeepEquals(Normalized(old), Normalized(after)))
            {
                fieldChanges.Add(new FieldChange(field, old.DeepClone(), after?.DeepClone()));
            }
        }

        if (fieldChanges.Count == 0 && !selected.Selected)
        {
            return;
        }

        var first = selected.Contributors[0];
        var change = new ResourceChange
        {
            Address = new ObjectAddress(first.Address.Vendor, first.Address.Kind, $"{first.Address.Name}[{live.Key}]"),
            Type = live.Type,
            Key = live.Key,
            ExternalId = live.ExternalId,
            Action = PlanAction.NoOp,
            Before = before,
            After = fieldChanges.Count == 0 ? before : (JsonObject)selected.After.DeepClone(),
            SelectedBy = first.Kind.Type,
            Reason = string.Join("; ", selected.Contributors.Select(c => c.Why).Distinct(StringComparer.Ordinal)),
            Location = selected.Contributors.Select(c => c.Location).FirstOrDefault(l => l is not null),
        };
        if (fieldChanges.Count > 0)
        {
            var forbidden = selected.Contributors.FirstOrDefault(c => !c.Policies.HasFlag(ManagementPolicies.Update));
            change = forbidden.Kind is null
                ? change with { Action = PlanAction.Update, FieldChanges = fieldChanges }
                : DeclaredPlanner.Drift(change with { FieldChanges = fieldChanges }, PlanAction.Update, forbidden.Policies, ChangeReasons.UpdateForbidden);
        }

        context.Changes[PlanContext.IdOf(live)] = change;
    }

    private static SelectedObject Get(Dictionary<(ObjectType, string), SelectedObject> work, LiveObject live)
    {
        var id = PlanContext.IdOf(live);
        if (!work.TryGetValue(id, out var selected))
        {
            selected = new SelectedObject(live);
            work[id] = selected;
        }

        return selected;
    }

    private static SortedDictionary<string, List<string>> Owners(LiveObject live, string field) => new SelectedObject(live).Owners(field);

    /// <summary>An owners record compares without regard to key order; lists keep their order.</summary>
    private static JsonNode? Normalized(JsonNode? node) => node is JsonObject o
        ? new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
        : node;

    private static bool Matches(Selection selection, JsonObject selector, JsonObject spec) =>
        selection.Matches is { } matches ? matches(selector, spec)
        : selector.All(p => p.Value is null
            || (p.Value is JsonValue v && spec[p.Key] is JsonValue s && string.Equals(v.ToString(), s.ToString(), StringComparison.OrdinalIgnoreCase)));
}
