using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>One attribute asked for in a list call: its place in a <see cref="FudoRow"/> and its declared type
/// (<see cref="FieldType.Reference"/> for ids).</summary>
internal sealed record FudoColumn(string WireName, int Index, FieldType Type);
