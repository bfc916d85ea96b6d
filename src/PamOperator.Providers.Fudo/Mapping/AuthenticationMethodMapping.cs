using System.Globalization;
using System.Text.Json.Nodes;
using PamOperator.Providers.Fudo.Kinds;

namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>
/// A user's authentication methods are UserAuthenticationMethodModel rows (<c>user/authentication</c>); the manifest
/// shows them as the list <c>authenticationMethods</c> on the User, sorted by position:
/// <c>{type: password, position: 0, needsChange: false}</c>. Secrets are never read. Each row's id is kept by
/// <see cref="RowKey"/> (<c>type/position</c>) to address it in a PATCH or DELETE.
/// </summary>
internal static class AuthenticationMethodMapping
{
    public const string SpecField = UserKind.MethodsField;

    public static string RowKey(string type, long position) => string.Create(CultureInfo.InvariantCulture, $"{type}/{position}");

    public static Dictionary<string, (JsonArray Items, JsonObject RowIds)> Group(IEnumerable<IWireRow> rows)
    {
        var byUser = new Dictionary<string, List<(JsonObject Item, long Position, string Key, string Id)>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var user = Text(row, "user_id") ?? "";
            if (!byUser.TryGetValue(user, out var list))
            {
                list = [];
                byUser[user] = list;
            }

            var type = Text(row, "type") ?? "";
            var position = long.TryParse(Text(row, "position"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
            var item = new JsonObject
            {
                ["type"] = type,
                ["position"] = position,
                ["needsChange"] = string.Equals(Text(row, "needs_change"), "true", StringComparison.OrdinalIgnoreCase),
            };
            if (Text(row, "certificate_subject") is { } subject)
            {
                item["certificateSubject"] = subject;
            }

            list.Add((item, position, RowKey(type, position), Text(row, "id") ?? ""));
        }

        return byUser.ToDictionary(kv => kv.Key, kv =>
        {
            var sorted = kv.Value.OrderBy(m => m.Position).ToList();
            var ids = new JsonObject();
            foreach (var m in sorted)
            {
                ids[m.Key] = m.Id;
            }

            return (new JsonArray([.. sorted.Select(m => (JsonNode)m.Item)]), ids);
        }, StringComparer.Ordinal);
    }

    private static string? Text(IWireRow row, string wireName) => row.TryGet(wireName, out var v) && !v.IsNull ? v.Text : null;
}
