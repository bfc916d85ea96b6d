namespace PamOperator.Engine.Plans;

/// <summary>
/// Counts as Terraform prints them: a replace counts as one add and one destroy; drift-only and no-op changes count nowhere.
/// </summary>
public sealed record PlanSummary(int Add, int Change, int Destroy)
{
    public bool IsEmpty => Add == 0 && Change == 0 && Destroy == 0;

    public static PlanSummary Of(IEnumerable<ResourceChange> changes)
    {
        int add = 0, change = 0, destroy = 0;
        foreach (var c in changes)
        {
            switch (c.Action)
            {
                case PlanAction.Create: add++; break;
                case PlanAction.Update: change++; break;
                case PlanAction.Delete: destroy++; break;
                case PlanAction.Replace: add++; destroy++; break;
                case PlanAction.NoOp: break;
                default: throw new InvalidOperationException($"unknown action {c.Action}");
            }
        }

        return new PlanSummary(add, change, destroy);
    }
}
