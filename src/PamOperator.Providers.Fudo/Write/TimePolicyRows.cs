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
}
