using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Sps.Config;

/// <summary>One configuration object: its collection (<c>users</c>, <c>groups</c>), opaque key, listing order and
/// body as the API shows it (password references as bare keys).</summary>
internal sealed record ConfigObject(string Collection, string Key, long Seq, JsonObject Body);
