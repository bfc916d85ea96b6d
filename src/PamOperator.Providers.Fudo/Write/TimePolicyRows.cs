using System.Text.Json.Nodes;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// Removing a time-policy window needs its row id. An observed pair carries them (provider data); an undo made by the
/// applier does not, because the rows it removes were created during the apply. Then they are listed: one filtered
/// list call for the pair.
/// </summary>
internal static class TimePolicyRows
{
    public static async Task<WriteOperation> WithRowIdsAsync(FudoApiClient client, WriteOperation op, IdRegistry ids, CancellationToken cancellationToken)
    {
        if (op.Kind.WireType != FudoWireTypes.UserSafe || op.Operation != WriteKind.Update
            || op.Spec?.ContainsKey(TimePolicyMapping.SpecField) != true
            || op.ProviderData?[FudoProviderData.TimePolicyIds] is JsonObject)
        {
            return op;
        }

        var live = op.LiveSpec ?? [];
        var userId = ids.IdOf("user", live["user"]?.ToString() ?? "");
        var safeId = ids.IdOf("safe", live["safe"]?.ToString() ?? "");
        var path = FudoWireTypes.ListPath(FudoWireTypes.UserSafeTimePolicy);
        var columns = FudoColumns.For(FudoWireTypes.UserSafeTimePolicy, null);
        var rows = await client.ListAsync(path, columns, $"user_id.eq({Quote(userId)}),safe_id.eq({Quote(safeId)})", cancellationToken);

        var rowIds = TimePolicyMapping.Group(rows).TryGetValue((userId, safeId), out var found) ? found.RowIds : [];
        var data = op.ProviderData?.DeepClone() as JsonObject ?? [];
        data[FudoProviderData.TimePolicyIds] = rowIds;
        return op with { ProviderData = data };
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The id of the window row a lost POST of <paramref name="body"/> made (one filtered list call: rows are
    /// unique per user, safe and day), or null.</summary>
    public static async Task<string?> FindRowIdAsync(FudoApiClient client, JsonObject body, CancellationToken cancellationToken)
    {
        var filter = $"user_id.eq({Quote(body["user_id"]?.ToString() ?? "")}),safe_id.eq({Quote(body["safe_id"]?.ToString() ?? "")})";
        var path = FudoWireTypes.ListPath(FudoWireTypes.UserSafeTimePolicy);
        var rows = await client.ListAsync(path, FudoColumns.For(FudoWireTypes.UserSafeTimePolicy, null), filter, cancellationToken);
        var day = body["day_of_week"]?.ToString();
        return rows.FirstOrDefault(r => r.Text("day_of_week") == day)?.Id;
    }
}
