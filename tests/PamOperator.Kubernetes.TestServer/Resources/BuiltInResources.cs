namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>
/// The built-in resources the fake serves: namespaces, secrets, events (core/v1 and events.k8s.io/v1, stored apart),
/// leases and CRDs.
/// </summary>
internal static class BuiltInResources
{
    public static readonly ResourceType Namespaces = Make(string.Empty, "namespaces", "namespace", "Namespace", false, ["ns"]);
    public static readonly ResourceType Secrets = Make(string.Empty, "secrets", "secret", "Secret", true, []);
    public static readonly ResourceType Events = Make(string.Empty, "events", "event", "Event", true, ["ev"]);
    public static readonly ResourceType EventsV1 = Make("events.k8s.io", "events", "event", "Event", true, []);
    public static readonly ResourceType Leases = Make("coordination.k8s.io", "leases", "lease", "Lease", true, []);

    public static readonly ResourceType Crds = Make(
        "apiextensions.k8s.io", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition",
        false, ["crd", "crds"]) with { HasStatusSubresource = true };

    public static IReadOnlyList<ResourceType> All { get; } = [Namespaces, Secrets, Events, EventsV1, Leases, Crds];

    private static ResourceType Make(string group, string plural, string singular, string kind, bool namespaced,
        IReadOnlyList<string> shortNames) =>
        new(group, "v1", plural, singular, kind, namespaced, false, false, shortNames, []);
}
