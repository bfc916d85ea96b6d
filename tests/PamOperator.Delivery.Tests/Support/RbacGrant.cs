namespace PamOperator.Delivery.Tests.Support;

/// <summary>One permission: a verb on a resource (or subresource, <c>safes/status</c>) of an API group.</summary>
public sealed record RbacGrant(string Group, string Resource, string Verb)
{
    /// <summary>Every (group, resource, verb) a Role or ClusterRole's rules grant, expanded.</summary>
    public static IReadOnlySet<RbacGrant> From(object? role) => Node.List(role, "rules")
        .SelectMany(rule =>
            from g in Strings(rule, "apiGroups")
            from r in Strings(rule, "resources")
            from v in Strings(rule, "verbs")
            select new RbacGrant(g, r, v))
        .ToHashSet();

    /// <summary>What `pamctl operator` needs cluster-wide (docs/kubernetes.md "Permissions"); Rbac/RbacFromRequestLogTests
    /// measures it. Secrets only when no watch namespace is set.</summary>
    public static IReadOnlySet<RbacGrant> ExpectedClusterWide(bool withSecrets = true) => CrdCatalog.Resources
        .SelectMany(c => new[] { "list", "watch", "patch" }.Select(v => new RbacGrant(c.Group, c.Plural, v))
            .Append(new RbacGrant(c.Group, c.Plural + "/status", "patch")))
        .Concat(SecretReads().Where(_ => withSecrets))
        .Append(new RbacGrant(string.Empty, "events", "create"))
        .ToHashSet();

    /// <summary>Reading the Secrets ProviderConfigs and Accounts name.</summary>
    public static IReadOnlySet<RbacGrant> SecretReads() =>
        new[] { "get", "list", "watch" }.Select(v => new RbacGrant(string.Empty, "secrets", v)).ToHashSet();

    /// <summary>What leader election needs in the operator's namespace.</summary>
    public static IReadOnlySet<RbacGrant> ExpectedLeaderElection() => new[] { "get", "create", "update" }
        .Select(v => new RbacGrant("coordination.k8s.io", "leases", v))
        .ToHashSet();

    private static IEnumerable<string> Strings(object? rule, string key) => Node.List(rule, key).Select(x => x?.ToString() ?? string.Empty);
}
