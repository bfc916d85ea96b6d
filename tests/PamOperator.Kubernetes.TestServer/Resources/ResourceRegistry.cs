namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>
/// The served resource types: built-ins plus those of stored CRDs. Discovery and openapi are built from it live.
/// Mutated only under the store's lock; reads take a snapshot.
/// </summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> _byCrd = new(StringComparer.Ordinal);

    public IReadOnlyList<ResourceType> All()
    {
        lock (_gate)
        {
            return [.. BuiltInResources.All, .. _byCrd.Values.SelectMany(t => t)];
        }
    }

    public ResourceType? Find(string group, string version, string plural) =>
        All().FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    /// <summary>Registers (or re-registers, on update) the types a CRD serves.</summary>
    public void Register(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            _byCrd[crdName] = types;
        }
    }

    public void Unregister(string crdName)
    {
        lock (_gate)
        {
            _byCrd.Remove(crdName);
        }
    }

    /// <summary>Group/versions in a stable order, core ("" group) first.</summary>
    public IReadOnlyList<(string Group, string Version)> GroupVersions() =>
        All().Select(t => (t.Group, t.Version)).Distinct().OrderBy(g => g.Group, StringComparer.Ordinal).ToList();
}
