namespace PamOperator.Simulators.Sps.Config;

/// <summary>The configuration as one session sees it: the committed objects with its own open transaction's changes
/// on top (other sessions see the committed objects only).</summary>
internal sealed class ConfigView(ConfigStore store, SpsTransaction? own)
{
    /// <summary>A collection's objects in listing order.</summary>
    public IReadOnlyList<ConfigObject> List(string collection)
    {
        var merged = store.Objects.Values.Where(o => o.Collection == collection).ToDictionary(o => o.Key, StringComparer.Ordinal);
        foreach (var ((c, key), value) in own?.Objects ?? [])
        {
            if (c != collection)
            {
                continue;
            }

            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        return [.. merged.Values.OrderBy(o => o.Seq)];
    }

    public ConfigObject? Find(string collection, string key) =>
        own is not null && own.Objects.TryGetValue((collection, key), out var staged) ? staged
        : store.Objects.GetValueOrDefault((collection, key));

    public bool PasswordExists(string key) => store.PasswordHashes.ContainsKey(key) || own?.Passwords.ContainsKey(key) == true;
}
