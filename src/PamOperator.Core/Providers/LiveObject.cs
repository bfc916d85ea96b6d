using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Core.Providers;

/// <summary>
/// A PAM object as observed, already translated by its provider into manifest vocabulary, so that the engine diffs
/// like with like.
/// </summary>
public sealed record LiveObject
{
    /// <summary>The vendor-qualified type (<c>fudo.pamoperator.io/safe</c>): with <see cref="Key"/>, the identity.</summary>
    public required ObjectType Type { get; init; }

    /// <summary>The vendor's object type (<c>safe</c>, <c>user_safe</c>, <c>user</c>, <c>listener</c>, ...).</summary>
    public string WireType => Type.WireType;

    /// <summary>The PAM's identifier of the object.</summary>
    public required string ExternalId { get; init; }

    /// <summary>Natural key, computed exactly as <see cref="Schema.NaturalKey"/> does for a manifest.</summary>
    public required string Key { get; init; }

    /// <summary>Spec in manifest form: camelCase, nested protocol groups, references by PAM name, every attribute the
    /// PAM reports (defaults included). Secrets are never present.</summary>
    public required JsonObject Spec { get; init; }

    /// <summary>Shipped with the PAM: never modified or deleted.</summary>
    public bool Builtin { get; init; }

    /// <summary>Hidden in the PAM's UI: never modified or deleted.</summary>
    public bool Hidden { get; init; }

    /// <summary>When the PAM last stored this object's secret, if it says (drives secret rotation).</summary>
    public DateTimeOffset? SecretUpdatedAt { get; init; }

    /// <summary>For <see cref="KindCapability.Lifecycle"/> kinds: what the PAM reports about the object's progress
    /// (e.g. request id, state, confirmations left, expiry), shown in plans and the operator's status, never diffed.
    /// Null for other kinds.</summary>
    public JsonObject? Status { get; init; }

    /// <summary>Provider-private facts a later write needs (e.g. the row ids of a time policy's windows). Never diffed,
    /// never shown, not part of the fingerprint; null when the provider has none.</summary>
    public JsonObject? ProviderData { get; init; }
}
