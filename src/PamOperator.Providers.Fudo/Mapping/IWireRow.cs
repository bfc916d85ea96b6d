namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>A wire object's scalar attributes by wire name (a parsed list row, or a JSON object in tests).</summary>
internal interface IWireRow
{
    /// <summary>The attribute's value; false when the row does not carry it.</summary>
    bool TryGet(string wireName, out WireValue value);
}
