namespace PamOperator.Kubernetes.Leases;

/// <summary>The Lease to hold (namespace, name), this candidate's identity, and how long a lease lasts unrenewed.</summary>
public sealed record LeaseLockOptions(string Namespace, string Name, string Identity)
{
    /// <summary>How long others wait after the last renewal before taking over. Default 15 s (client-go's default).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);
}
