using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>
/// One stored object: its id, type and stored attributes (client and system ones, never secrets: those are kept apart
/// and never read back). <see cref="Data"/> is owned by the caller that loaded it.
/// </summary>
internal sealed class StoredObject(long id, string type, JsonObject data, bool removed)
{
    public long Id { get; } = id;

    public string Type { get; } = type;

    public JsonObject Data { get; } = data;

    public bool Removed { get; } = removed;

    public string IdText => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A stored string attribute (ids are stored as strings), or null.</summary>
    public string? Text(string attribute) =>
        Data[attribute] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool Flag(string attribute) =>
        Data[attribute] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public string? Name => Text("name");
}
