using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers;
using PamOperator.Engine.Planning;
using PamOperator.Core.Schema;
using PamOperator.Operator.Status;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Plan phase of a batch: ONE plan over every desired and removed member. An error tied to one object (an unresolved
/// reference, a duplicate) takes that object out of the batch with its own outcome (ReferenceNotReady or
/// ReconcileFailed) and the rest is planned again, so one object's problem does not fail the others. Errors tied to
/// no member stop the batch. Pure apart from mutating its inputs.
/// </summary>
internal static class BatchPlanner
{
    private const int MaxRounds = 8;

    public static BatchPlan Plan(BatchInputs inputs, LiveState live, IReadOnlyCollection<ObjectType> observed, IReadOnlyList<KindDescriptor> kinds)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var plan = Planner.Plan(new PlanRequest
            {
                Desired = [.. inputs.Desired.Select(m => m.Manifest)],
                Removed = [.. inputs.Removed.Select(m => m.Manifest)],
                Kinds = kinds,
                Live = live,
                ObservedTypes = observed,
            });
            var errors = plan.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            if (errors.Count == 0)
            {
                return new BatchPlan(plan, null);
            }

            if (!Exclude(inputs, errors))
            {
                return new BatchPlan(null, string.Join("; ", errors.Select(e => $"{e.Code}: {e.Summary}")));
            }
        }

        return new BatchPlan(null, "the plan kept finding errors after excluding the objects they named");
    }

    private static bool Exclude(BatchInputs inputs, List<Diagnostic> errors)
    {
        var excluded = false;
        foreach (var group in errors.Where(e => e.Address is not null).GroupBy(e => e.Address!, StringComparer.Ordinal))
        {
            var message = string.Join("; ", group.Select(e => $"{e.Code}: {e.Summary}"));
            var reason = group.All(e => e.Code == DiagnosticCodes.UnresolvedReference)
                ? ConditionReasons.ReferenceNotReady
                : ConditionReasons.ReconcileFailed;
            foreach (var list in new[] { inputs.Desired, inputs.Removed })
            {
                foreach (var member in list.Where(m => m.Address == group.Key).ToList())
                {
                    list.Remove(member);
                    inputs.Outcomes[member.Resource.Key] = ObjectOutcome.Failed(reason, message);
                    excluded = true;
                }
            }
        }

        return excluded;
    }
}
