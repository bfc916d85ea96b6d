namespace PamOperator.Simulators.Fudo.Model;

/// <summary>One object type: its attributes in the seed's order, its identity, and its rules.</summary>
internal sealed class ModelSchema
{
    private readonly Dictionary<string, AttributeSpec> _byName;

    public ModelSchema(string type, IEnumerable<AttributeSpec> attributes)
    {
        Type = type;
        Attributes = attributes.ToList();
        _byName = Attributes.ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    /// <summary>Wire type: envelope key and objspec name.</summary>
    public string Type { get; }

    public IReadOnlyList<AttributeSpec> Attributes { get; }

    /// <summary>For assignments and grants: the immutable key attributes, unique together. Empty for named types.</summary>
    public IReadOnlyList<string> KeyAttributes { get; init; } = [];

    /// <summary>False for types the API only reads (password change policies: "can't be created via API").</summary>
    public bool WritableViaApi { get; init; } = true;

    /// <summary>Whether PATCH exists (grants and account-safe-listener rows only have GET, POST, DELETE).</summary>
    public bool Patchable { get; init; } = true;

    /// <summary>Deprecation notice sent as a header on every answer about this type.</summary>
    public string? Deprecation { get; init; }

    public IModelRules? Rules { get; init; }

    public bool IsNamed => _byName.ContainsKey("name");

    public AttributeSpec? Find(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<string> Groups => Attributes.Where(a => a.Group is not null).Select(a => a.Group!).Distinct();
}
