using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Hooks;

/// <summary>
/// Progress of observe and plan (after Terraform's <c>terraform.Hook</c>): the engine never prints; the CLI implements
/// this to show or print progress. The <c>pam</c> of every call is the PAM's name (<c>PamTarget.Name</c>). For
/// one PAM the calls come in this order: ObserveStarted; ObjectsRead for every page the vendor's reader reports (none
/// when the reader reports no pages); then either ObserveFinished once per observed type (sorted) followed by
/// PlanFinished (not for an observe without a plan, as for import), or ObserveFailed. Several PAMs are observed
/// concurrently and one PAM's pages arrive from several threads, so implementations must be thread-safe, fast, and
/// must not throw. Nothing passed here is secret: names of types, counts and plan summaries only.
/// </summary>
public interface IPlanHooks
{
    /// <summary>Before the list calls: the wire types about to be observed.</summary>
    void ObserveStarted(string pam, IReadOnlyList<ObjectType> types);

    /// <summary>While observing: <paramref name="count"/> more objects of <paramref name="type"/> were read (a type may
    /// be one that is listed only to name references).</summary>
    void ObjectsRead(string pam, ObjectType type, int count);

    /// <summary>After observation, per type: how many live objects it holds.</summary>
    void ObserveFinished(string pam, ObjectType type, int objectCount);

    /// <summary>The PAM could not be observed; <paramref name="failure"/> is the section's diagnostic.</summary>
    void ObserveFailed(string pam, Diagnostic failure);

    /// <summary>After planning: the summary and how many objects the plan mentions (no-ops included).</summary>
    void PlanFinished(string pam, PlanSummary summary, int changeCount);
}
