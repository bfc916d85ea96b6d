namespace PamOperator.Simulators.Fudo.Model;

/// <summary>Read access to live (not removed) objects, for derived attributes and validation rules.</summary>
internal interface IObjectLookup
{
    /// <summary>The object of <paramref name="type"/> with this decimal id, or null (also for a malformed id).</summary>
    StoredObject? Get(string type, string? id);

    /// <summary>Objects of <paramref name="type"/> whose key column <paramref name="keyIndex"/> (0..2, in the order of
    /// <see cref="ModelSchema.KeyAttributes"/>) equals <paramref name="value"/>, ordered by id.</summary>
    IReadOnlyList<StoredObject> ByKey(string type, int keyIndex, string value);

    /// <summary>Objects of <paramref name="type"/> whose stored string attribute equals <paramref name="value"/>.</summary>
    IReadOnlyList<StoredObject> ByAttribute(string type, string attribute, string value);
}
