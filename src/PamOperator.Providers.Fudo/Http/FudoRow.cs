using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>
/// One object of a Fudo list, parsed straight from the page stream: the scalar attributes of its
/// <see cref="FudoColumns"/>, already checked against their declared types, and an id in Fudo's format.
/// </summary>
internal sealed class FudoRow(FudoColumns columns, WireValue[] values) : IWireRow
{
    /// <summary>Never empty: a row without a valid id is refused while parsing.</summary>
    public string Id => values[columns.IdIndex].Text!;

    /// <summary>The attribute as text (string, number or boolean text), or null when absent or null.</summary>
    public string? Text(string wireName) => TryGet(wireName, out var v) && !v.IsNull ? v.Text : null;

    /// <summary>A boolean attribute (<c>true</c> or the string <c>"true"</c>); false otherwise.</summary>
    public bool Flag(string wireName) => string.Equals(Text(wireName), "true", StringComparison.OrdinalIgnoreCase);

    public bool TryGet(string wireName, out WireValue value)
    {
        if (columns.TryGet(wireName, out var column) && values[column.Index].Kind != System.Text.Json.JsonValueKind.Undefined)
        {
            value = values[column.Index];
            return true;
        }

        value = default;
        return false;
    }
}
