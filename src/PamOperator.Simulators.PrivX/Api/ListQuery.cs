using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PamOperator.Simulators.PrivX.Api;

/// <summary>
/// The paging query of PrivX lists (seed 004): <c>offset</c> (default 0), <c>limit</c> (default 50, at most the
/// configured maximum: above is 400, never silently clamped), <c>sortkey</c> (default <c>id</c>; a top-level attribute
/// of the object), <c>sortdir</c> (<c>ASC</c> default or <c>DESC</c>, any case: the SDK lower-cases query values),
/// <c>fuzzycount</c> (boolean). Unknown parameters are 400.
/// </summary>
internal sealed record ListQuery(int Offset, int Limit, string SortKey, bool Descending, bool FuzzyCount, string? Query)
{
    public static (ListQuery? Query, string? Property, string? Error) Parse(HttpRequest request, PrivXSimulatorOptions options, bool sortable, params string[] extra)
    {
        var offset = 0;
        var limit = options.DefaultLimit;
        var sortKey = "id";
        var descending = false;
        var fuzzy = false;
        string? query = null;
        foreach (var (name, values) in request.Query)
        {
            var value = values.Count == 1 ? values[0] ?? "" : null;
            if (value is null)
            {
                return (null, name, $"{name} given more than once");
            }

            switch (name)
            {
                case "offset" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var o):
                    offset = o;
                    break;
                case "limit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l >= 1 && l <= options.MaxLimit:
                    limit = l;
                    break;
                case "sortkey" when sortable && value.Length > 0:
                    sortKey = value.ToLowerInvariant();
                    break;
                case "sortdir" when value.Equals("ASC", StringComparison.OrdinalIgnoreCase) || value.Equals("DESC", StringComparison.OrdinalIgnoreCase):
                    descending = value.Equals("DESC", StringComparison.OrdinalIgnoreCase);
                    break;
                case "fuzzycount" when bool.TryParse(value, out var f):
                    fuzzy = f;
                    break;
                case "query" when extra.Contains("query"):
                    query = value;
                    break;
                case "offset" or "limit" or "sortkey" or "sortdir" or "fuzzycount":
                    return (null, name, name == "limit" ? $"limit must be 1..{options.MaxLimit}" : $"invalid {name}");
                default:
                    return (null, name, $"unknown parameter {name}");
            }
        }

        return (new ListQuery(offset, limit, sortKey, descending, fuzzy, query), null, null);
    }

    /// <summary>Sorts <paramref name="items"/> by <see cref="SortKey"/> (ties by id), pages them and renders
    /// <c>{count, items}</c>. An unknown sort key is reported in <paramref name="error"/>.</summary>
    public JsonObject? Page(IReadOnlyCollection<JsonObject> items, out string? error)
    {
        error = null;
        if (SortKey != "id" && items.Count > 0 && !items.Any(i => i.ContainsKey(SortKey)))
        {
            error = $"unknown sortkey {SortKey}";
            return null;
        }

        var ordered = Descending
            ? items.OrderByDescending(i => SortValue(i[SortKey]), StringComparer.Ordinal).ThenByDescending(i => (string?)i["id"], StringComparer.Ordinal)
            : items.OrderBy(i => SortValue(i[SortKey]), StringComparer.Ordinal).ThenBy(i => (string?)i["id"], StringComparer.Ordinal);
        return new JsonObject
        {
            ["count"] = items.Count,
            ["items"] = new JsonArray([.. ordered.Skip(Offset).Take(Limit).Select(i => (JsonNode)i.DeepClone())]),
        };
    }

    /// <summary>Numbers sort as fixed-width text so that ordinal order is numeric order; objects by their name.</summary>
    private static string SortValue(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>().ToString("000000000000000.####", CultureInfo.InvariantCulture),
        JsonValue v => v.ToString(),
        JsonObject o => (string?)(o["display_name"] ?? o["common_name"] ?? o["name"]) ?? "",
        _ => "",
    };
}
