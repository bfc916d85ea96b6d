using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Core.Providers.Writes;

/// <summary>
/// One write the applier asks of a provider, in manifest vocabulary (references by PAM name: the provider resolves ids,
/// including those of objects created earlier in the same session). Secret values are resolved and held only in
/// <see cref="Secrets"/>; <see cref="ToString"/> never shows them.
/// </summary>
public sealed record WriteOperation
{
    /// <summary>Unique within a session, e.g. <c>create fudo_safe.prod-db</c>; names journal entries and batch requests.</summary>
    public required string Id { get; init; }

    public required KindDescriptor Kind { get; init; }

    public required WriteKind Operation { get; init; }

    /// <summary>Natural key; for named kinds the PAM name.</summary>
    public required string Key { get; init; }

    /// <summary>The live object's id, for Update and Delete (null for Create).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Create: the whole desired spec (defaults applied). Update: only the members to change (nested as in the
    /// spec; an explicit null clears). Delete: null.</summary>
    public JsonObject? Spec { get; init; }

    /// <summary>The live spec before the write (Update, Delete), for paths keyed by references and for undo.</summary>
    public JsonObject? LiveSpec { get; init; }

    /// <summary>Resolved secret values by field path (e.g. <c>secret</c>). Sensitive: never logged or journaled.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>The live object's provider-private data (see <see cref="LiveObject.ProviderData"/>).</summary>
    public JsonObject? ProviderData { get; init; }

    public override string ToString() => $"{Id} (key {Key}{(ExternalId is null ? "" : $", id {ExternalId}")}{(Secrets.Count > 0 ? ", secrets (sensitive)" : "")})";
}
