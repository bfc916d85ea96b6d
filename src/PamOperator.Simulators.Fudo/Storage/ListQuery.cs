using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Storage;

/// <summary>
/// A list query over stored attributes, translated to SQL so that paging uses the <c>(type, removed, id)</c> index and
/// name lookups the <c>(type, name_lower)</c> one. Derived attributes are filtered by the caller, in memory.
/// </summary>
internal sealed class ListQuery(ModelSchema schema)
{
    private readonly StringBuilder _where = new();
    private readonly List<object> _parameters = [];
    private string _order = "id";
    private bool _removedFiltered;

    public ApiError? AddCondition(FilterCondition condition, AttributeSpec spec)
    {
        var values = new List<object>();
        foreach (var raw in condition.Values)
        {
            var error = Typed(spec, raw, out var value);
            if (error is not null)
            {
                return error;
            }

            values.Add(condition.Op == FilterCondition.Iin || IgnoresCase(condition, spec) ? value.ToString()!.ToLowerInvariant() : value);
        }

        _removedFiltered |= spec.Name == "removed";
        var expression = Expression(spec.Name);
        var placeholders = string.Join(", ", values.Select(Parameter));
        _where.Append(" AND ").Append(condition.Op switch
        {
            FilterCondition.Match => $"instr({expression}, {placeholders}) > 0",
            _ when spec.Name == "name" && IgnoresCase(condition, spec) => $"name_lower IN ({placeholders})",
            _ when condition.Op == FilterCondition.Iin || IgnoresCase(condition, spec) => $"pam_lower({expression}) IN ({placeholders})",
            _ => $"{expression} IN ({placeholders})",
        });
        return null;
    }

    /// <summary>
    /// <c>eq</c> and <c>in</c> on an attribute that objspec marks <c>ignore_case</c> (names, protocols, modes) compare
    /// case-insensitively, like the uniqueness rule on the same attribute: <c>name.eq(Prod)</c> finds exactly the object
    /// that makes creating <c>Prod</c> a conflict (a case-insensitive column compares that way for every operator that
    /// tests equality). <c>match</c> stays a case-sensitive substring test; <c>iin</c> ignores case everywhere.
    /// </summary>
    private static bool IgnoresCase(FilterCondition condition, AttributeSpec spec) =>
        spec.IgnoreCase && condition.Op is FilterCondition.Eq or FilterCondition.In;

    public void SetOrder(string attribute, bool descending)
    {
        var direction = descending ? " DESC" : "";
        _order = attribute == "id" ? "id" + direction : $"{(attribute == "name" ? "name_lower" : Expression(attribute))}{direction}, id";
    }

    /// <summary>Runs the query; <paramref name="limit"/> null returns every match (for in-memory filtering).</summary>
    public List<StoredObject> Run(ObjectStore store, int? limit, int offset)
    {
        var sql = new StringBuilder("SELECT id, type, data, removed FROM objects WHERE type = $type")
            .Append(_removedFiltered ? "" : " AND removed = 0")
            .Append(_where)
            .Append(" ORDER BY ").Append(_order);
        if (limit is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {limit} OFFSET {offset}");
        }

        using var command = store.Database.NewCommand(sql.ToString());
        command.Parameters.AddWithValue("$type", schema.Type);
        for (var i = 0; i < _parameters.Count; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", _parameters[i]));
        }

        return ObjectStore.ReadAll(command);
    }

    private static string Expression(string attribute) => attribute switch
    {
        "id" => "id",
        "removed" => "removed",
        _ => $"json_extract(data, '$.{attribute}')",
    };

    private string Parameter(object value)
    {
        _parameters.Add(value);
        return $"$p{_parameters.Count - 1}";
    }

    private static ApiError? Typed(AttributeSpec spec, string raw, out object value)
    {
        value = raw;
        switch (spec.Kind)
        {
            case AttrKind.Boolean when bool.TryParse(raw, out var b):
                value = b ? 1L : 0L;
                return null;
            case AttrKind.Number when long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                value = n;
                return null;
            case AttrKind.Id when spec.Name == "id":
                value = long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1L;
                return null;
            case AttrKind.Boolean or AttrKind.Number:
                return ApiError.BadRequest($"filter: {spec.Name} takes a {(spec.Kind == AttrKind.Boolean ? "boolean" : "number")}");
            default:
                return null;
        }
    }
}
