using System.Text.Json.Nodes;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// Changing or removing a user's authentication method needs its row id. An observed user carries them (provider
/// data); an undo made by the applier does not. Then the user's methods are listed: one filtered list call.
/// </summary>
internal static class AuthenticationMethodRows
{
    public static async Task<WriteOperation> WithRowIdsAsync(FudoApiClient client, WriteOperation op, IdRegistry ids, CancellationToken cancellationToken)
    {
        if (op.Kind.WireType != FudoWireTypes.User || op.Operation != WriteKind.Update
            || op.Spec?.ContainsKey(AuthenticationMethodMapping.SpecField) != true
            || op.ProviderData?[FudoProviderData.AuthenticationMethodIds] is JsonObject)
        {
            return op;
        }

        var userId = op.ExternalId ?? ids.IdOf(FudoWireTypes.User, op.Key);
        var path = FudoWireTypes.ListPath(FudoWireTypes.UserAuthenticationMethod);
        var columns = FudoColumns.For(FudoWireTypes.UserAuthenticationMethod, null);
        var rows = await client.ListAsync(path, columns, $"user_id.eq('{userId.Replace("'", "''", StringComparison.Ordinal)}')", cancellationToken);

        var rowIds = AuthenticationMethodMapping.Group(rows).TryGetValue(userId, out var found) ? found.RowIds : [];
        var data = op.ProviderData?.DeepClone() as JsonObject ?? [];
        data[FudoProviderData.AuthenticationMethodIds] = rowIds;
        return op with { ProviderData = data };
    }
}
