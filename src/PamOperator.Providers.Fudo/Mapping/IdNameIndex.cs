namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>Id to PAM name (and back) per wire type, built from one observation's list results.</summary>
internal sealed class IdNameIndex
{
    private readonly Dictionary<(string Type, string Id), string> _names = [];
    private readonly Dictionary<(string Type, string Name), string> _ids = new(NameKeyComparer.Instance);

    public void Add(string wireType, string id, string name)
    {
        _names[(wireType, id)] = name;
        _ids[(wireType, name)] = id;
    }

    /// <summary>The PAM name of an object, or <c>id:&lt;id&gt;</c> when it was not among the listed objects.</summary>
    public string NameOf(string wireType, string id) =>
        _names.TryGetValue((wireType, id), out var name) ? name : $"id:{id}";

    public string? IdOf(string wireType, string name) =>
        _ids.TryGetValue((wireType, name), out var id) ? id : null;

    /// <summary>PAM names are unique case-insensitively.</summary>
    private sealed class NameKeyComparer : IEqualityComparer<(string Type, string Name)>
    {
        public static readonly NameKeyComparer Instance = new();

        public bool Equals((string Type, string Name) x, (string Type, string Name) y) =>
            string.Equals(x.Type, y.Type, StringComparison.Ordinal) && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Type, string Name) obj) =>
            HashCode.Combine(obj.Type, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name));
    }
}
