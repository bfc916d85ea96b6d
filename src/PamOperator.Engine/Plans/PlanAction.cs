namespace PamOperator.Engine.Plans;

/// <summary>
/// The closed set of things a plan can do to one PAM object (after Terraform's <c>plans.Action</c>).
/// </summary>
public enum PlanAction
{
    /// <summary>Nothing to do: the live object matches, or the change is only reported (drift, orphan).</summary>
    NoOp,

    /// <summary>The object is declared and absent from the PAM.</summary>
    Create,

    /// <summary>The object exists and some declared fields differ; changed in place.</summary>
    Update,

    /// <summary>The object exists and is removed from the PAM (prune, removed manifest).</summary>
    Delete,

    /// <summary>Delete, then create again: PAM names are unique, so the old object must go first.</summary>
    Replace,
}
