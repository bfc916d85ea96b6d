namespace PamOperator.Delivery.Tests.Support;

/// <summary>The objects both delivery forms must contain, and lookups into rendered object lists.</summary>
public static class DeliveryObjects
{
    public static IReadOnlyList<string> OperatorKinds { get; } =
        ["ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Service", "Deployment", "PodDisruptionBudget"];

    /// <summary>The operator container of the (single) Deployment among <paramref name="objects"/>.</summary>
    public static object? Container(IEnumerable<object?> objects) =>
        Node.List(Node.OfKind(objects, "Deployment"), "spec.template.spec.containers").Single();

    public static IReadOnlyList<string> Args(IEnumerable<object?> objects) =>
        Node.List(Container(objects), "args").Select(a => a!.ToString()!).ToList();
}
