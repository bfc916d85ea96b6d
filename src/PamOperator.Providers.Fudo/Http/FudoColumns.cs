using PamOperator.Core.Schema;
using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>
/// The attributes one list call asks for (<c>fields=</c>) and reads back, each with its declared type: the kind's
/// wire fields plus the identity and bookkeeping attributes of the wire type. Attributes outside this set are skipped
/// unread. Immutable.
/// </summary>
internal sealed class FudoColumns
{
    private static readonly Dictionary<string, FieldType> ExtraTypes = new(StringComparer.Ordinal)
    {
        ["id"] = FieldType.Reference,
        ["user_id"] = FieldType.Reference,
        ["safe_id"] = FieldType.Reference,
        ["pool_id"] = FieldType.Reference,
        ["server_id"] = FieldType.Reference,
        ["position"] = FieldType.Integer,
        ["needs_change"] = FieldType.Boolean,
        ["day_of_week"] = FieldType.Integer,
        ["builtin"] = FieldType.Boolean,
        ["hidden"] = FieldType.Boolean,
        ["password_lastupdate"] = FieldType.DateTime,
    };

    private readonly Dictionary<string, FudoColumn> _byName;

    private FudoColumns(IEnumerable<(string Name, FieldType Type)> columns)
    {
        _byName = new Dictionary<string, FudoColumn>(StringComparer.Ordinal);
        foreach (var (name, type) in columns)
        {
            _byName.TryAdd(name, new FudoColumn(name, _byName.Count, type));
        }

        _byName.TryAdd("id", new FudoColumn("id", _byName.Count, FieldType.Reference));
        IdIndex = _byName["id"].Index;
    }

    /// <summary>Only <c>id</c> (a lookup by filter).</summary>
    public static FudoColumns IdOnly { get; } = new([("id", FieldType.Reference)]);

    public int Count => _byName.Count;

    public int IdIndex { get; }

    /// <summary>The <c>fields=</c> query member.</summary>
    public string FieldsParam => "fields=" + string.Join(',', _byName.Keys);

    /// <summary>The columns of a wire type's list: extra attributes first, then the kind's fields (when known).</summary>
    public static FudoColumns For(string wireType, KindDescriptor? kind)
    {
        var extra = FudoWireTypes.ExtraFields(wireType).Select(n => (n, ExtraTypes.GetValueOrDefault(n, FieldType.String)));
        var own = kind is null ? [] : WireToSpec.WireFields(kind.Fields).Select(f => (f.WireName!, f.Type));
        return new FudoColumns(extra.Concat(own));
    }

    public bool TryGet(string wireName, out FudoColumn column) => _byName.TryGetValue(wireName, out column!);
}
