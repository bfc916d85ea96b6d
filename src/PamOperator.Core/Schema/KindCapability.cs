namespace PamOperator.Core.Schema;

/// <summary>
/// What the vendor's API lets the tool do with a kind's objects; the planner, the views, import, the CRDs and the
/// operator honour it. Default <see cref="Managed"/>.
/// </summary>
public enum KindCapability
{
    /// <summary>Created, updated and deleted to match the manifest (the usual kind).</summary>
    Managed,

    /// <summary>The API cannot write it: differences are reported as drift and nothing is ever planned
    /// (as if <c>managementPolicies: [Observe]</c> were forced). A missing live object is a drift report too.</summary>
    ObserveOnly,

    /// <summary>Created once, then only observed through its status: any change of the spec is planned as a replace
    /// (cancel and create again), deleting the manifest cancels it. Its live status is shown, never diffed.</summary>
    Lifecycle,

    /// <summary>One manifest selects many live objects of another type (<see cref="KindDescriptor.Selection"/>) and
    /// declares what each must carry: every matching object missing some of the carried values is planned as an update
    /// of that object, one change per object, addressed <c>kind.name[object]</c>. The kind has no live objects of its
    /// own; deleting the manifest changes nothing (values it added stay until removed by hand).</summary>
    Selector,
}
