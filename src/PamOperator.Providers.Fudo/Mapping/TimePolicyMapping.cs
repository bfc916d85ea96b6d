using System.Text.Json.Nodes;

namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>
/// A user-safe pair's time policy is stored by Fudo as one row per day (<c>user_safe_time_policy</c>, day_of_week
/// 1 = Monday .. 7 = Sunday, per seed 000). The manifest shows them as the list <c>timePolicy</c> on the
/// UserSafeAssignment: <c>{dayOfWeek: Tuesday, validFrom: "09:00:00", validTo: "14:00:00"}</c>.
/// </summary>
internal static class TimePolicyMapping
{
    public const string SpecField = "timePolicy";

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static string DayName(int dayOfWeek) => dayOfWeek is >= 1 and <= 7 ? Days[dayOfWeek - 1] : dayOfWeek.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>1..7 for a day name (case-insensitive), or null.</summary>
    public static int? DayNumber(string dayName)
    {
        var index = Array.FindIndex(Days, d => string.Equals(d, dayName, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + 1;
    }

    /// <summary>Groups time-policy rows by (user_id, safe_id) into manifest-form windows, sorted for stable output,
    /// with each window's row id keyed <c>day/from/to</c>.</summary>
    public static Dictionary<(string UserId, string SafeId), (JsonArray Windows, JsonObject RowIds)> Group(IEnumerable<JsonObject> rows) =>
        Group(rows.Select(r => (IWireRow)new JsonWireRow(r)));

    /// <summary>As above, from parsed list rows.</summary>
    public static Dictionary<(string UserId, string SafeId), (JsonArray Windows, JsonObject RowIds)> Group(IEnumerable<IWireRow> rows)
    {
        var windows = new Dictionary<(string, string), List<(int Day, string From, string To, string Id)>>();
        foreach (var row in rows)
        {
            var key = (Text(row, "user_id"), Text(row, "safe_id"));
            if (!windows.TryGetValue(key, out var list))
            {
                list = [];
                windows[key] = list;
            }

            var day = int.TryParse(Text(row, "day_of_week"), out var d) ? d : 0;
            list.Add((day, Text(row, "valid_from"), Text(row, "valid_to"), Text(row, "id")));
        }

        return windows.ToDictionary(
            kv => kv.Key,
            kv =>
            {
                var sorted = kv.Value.OrderBy(w => w.Day).ThenBy(w => w.From, StringComparer.Ordinal).ToList();
                var items = new JsonArray([.. sorted.Select(w => (JsonNode)new JsonObject
                {
                    ["dayOfWeek"] = DayName(w.Day),
                    ["validFrom"] = w.From,
                    ["validTo"] = w.To,
                })]);
                var ids = new JsonObject();
                foreach (var w in sorted)
                {
                    ids[$"{w.Day}/{w.From}/{w.To}"] = w.Id;
                }

                return (items, ids);
            });
    }

    private static string Text(IWireRow row, string wireName) => row.TryGet(wireName, out var v) && !v.IsNull ? v.Text ?? "" : "";
}
