using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// Finds the object a create may already have made (its answer was lost): named kinds by <c>name</c>, the others by
/// the ids of their key fields, taken from the create's own body. One filtered list call.
/// </summary>
internal static class ExistingObjects
{
    public static async Task<string?> FindIdAsync(FudoApiClient client, WriteOperation operation, FudoRequest create, CancellationToken cancellationToken)
    {
        var body = create.Body ?? [];
        var terms = operation.Kind.IsNamed
            ? [$"name.eq({Quote(operation.Key)})"]
            : operation.Kind.Fields
                .Where(f => operation.Kind.KeyFields.Contains(f.Name) && f.WireName is not null && body[f.WireName] is not null)
                .Select(f => $"{f.WireName}.eq({Quote(body[f.WireName!]!.ToString())})")
                .ToList();
        var path = FudoWireTypes.ListPath(operation.Kind.WireType);
        var rows = await client.ListAsync(path, FudoColumns.IdOnly, string.Join(',', terms), cancellationToken);
        return rows.Count > 0 ? rows[0].Id : null;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
