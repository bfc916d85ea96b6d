namespace PamOperator.Engine.Plans;

/// <summary>Every <see cref="ResourceChange.Reason"/> text, once. Scripts may match on the part before the colon.</summary>
public static class ChangeReasons
{
    public const string Pruned = "pruned: no longer declared";

    public const string Removed = "removed: manifest deleted, deletionPolicy Delete";

    public const string Orphaned = "orphaned: deletionPolicy Orphan keeps the PAM object";

    public const string ObserveOnly = "observe-only: drift reported";

    public const string UpdateForbidden = "drift reported: managementPolicies forbid Update";

    public const string CreateForbidden = "missing: managementPolicies forbid Create";

    public const string DeleteForbidden = "not deleted: managementPolicies forbid Delete";

    public const string ReplaceForbidden = "replacement needed: managementPolicies forbid it";

    public const string SecretRotation = "secret rotation: rotateSecretAfter is later than the stored secret";

    public static string ForcedBy(string path) => $"forced by immutable field spec.{path}";

    /// <summary>A lifecycle kind (e.g. an access request) changed after creation: cancelled and requested again.</summary>
    public static string LifecycleChanged(string path) => $"spec.{path} changed: created once, so cancelled and created again";

    public static string DependencyReplaced(string address) => $"dependency replaced: {address}";
}
