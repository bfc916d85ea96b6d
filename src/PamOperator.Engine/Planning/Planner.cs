using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// The vendor-neutral planner: compares the declared objects with the observed live state over the vendor's schema
/// and decides every change (docs/planning.md states the rules). Pure: no I/O, no clock, no randomness; the same
/// request always gives the same plan. Linear in the number of declared and live objects.
/// </summary>
public static class Planner
{
    /// <summary>Plans <paramref name="request"/>. User mistakes become <see cref="Plan.Diagnostics"/>, never exceptions;
    /// a plan with an error diagnostic must not be applied. Throws only for bugs (e.g. a malformed catalog).</summary>
    public static Plan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new PlanContext(request);
        DeclaredIndexer.Run(context);
        DeclaredPlanner.Run(context);
        SelectorPlanner.Run(context);
        RemovedPlanner.Run(context);
        PrunePlanner.Run(context);
        ReplaceChain.Run(context);
        ReferenceChecker.Run(context);
        AgreementChecker.Run(context);
        DependencyLinker.Run(context);
        DeleteGuard.Run(context);
        return Assemble(context);
    }

    /// <summary>Type then name: the order of the address text (type characters sort after its '.'), without building
    /// one string per change.</summary>
    private static ResourceChange[] SortByAddress(IEnumerable<ResourceChange> changes)
    {
        var types = new Dictionary<(string Vendor, string Kind), string>();
        string TypeOf(ResourceChange c) =>
            types.TryGetValue((c.Address.Vendor, c.Address.Kind), out var t) ? t : types[(c.Address.Vendor, c.Address.Kind)] = c.Address.Type;
        return [.. changes.OrderBy(TypeOf, StringComparer.Ordinal).ThenBy(c => c.Address.Name, StringComparer.Ordinal)];
    }

    private static Plan Assemble(PlanContext context)
    {
        var observed = context.Request.ObservedTypes
            ?? ObservationScope.For(context.Request.Desired, context.Request.Kinds, context.Request.Options.Prune, context.Request.Removed);
        return new Plan
        {
            Changes = SortByAddress(context.Changes.Values),
            Diagnostics = context.Diagnostics.Sorted(),
            Fingerprint = StateFingerprint.Compute(context.Live, observed),
        };
    }
}
