using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Execution;

/// <summary>
/// One write of an applier: a change's create, update or delete. A replace is two steps (delete, then create).
/// Identified by <see cref="Name"/> (e.g. <c>delete fudo_account.db-admin</c>).
/// </summary>
public sealed record PlanStep(ResourceChange Change, StepOperation Operation)
{
    public string Name => $"{Operation.ToString().ToLowerInvariant()} {Change.Address}";

    public override string ToString() => Name;

    /// <summary>Compares steps by <see cref="Name"/>, which is unique within a plan.</summary>
    public static IEqualityComparer<PlanStep> ByName { get; } = new NameComparer();

    private sealed class NameComparer : IEqualityComparer<PlanStep>
    {
        public bool Equals(PlanStep? x, PlanStep? y) => string.Equals(x?.Name, y?.Name, StringComparison.Ordinal);

        public int GetHashCode(PlanStep obj) => StringComparer.Ordinal.GetHashCode(obj.Name);
    }
}
