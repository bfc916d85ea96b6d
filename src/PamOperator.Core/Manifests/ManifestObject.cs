using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;

namespace PamOperator.Core.Manifests;

/// <summary>
/// One validated vendor object as the user declared it, with where each field came from.
/// Produced by the manifest loader (CLI) or the Kubernetes watcher (operator); consumed by the engine.
/// </summary>
public sealed record ManifestObject
{
    public required KindDescriptor Kind { get; init; }

    /// <summary><c>metadata.name</c>.</summary>
    public required string Name { get; init; }

    public string? Namespace { get; init; }

    /// <summary>Vendor fields of <c>spec</c> exactly as written (camelCase, nested), control fields removed,
    /// no defaults applied. Secret fields hold their reference object (<c>{"valueFrom": {...}}</c>), never a value.</summary>
    public required JsonObject Spec { get; init; }

    public ControlFields Control { get; init; } = ControlFields.Default;

    /// <summary>Where the document starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Location of each field by dotted path from the document root, e.g. <c>spec.ssh.x11</c>.</summary>
    public IReadOnlyDictionary<string, SourceLocation> FieldLocations { get; init; } =
        new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public ObjectAddress Address => new(Kind.Vendor, Kind.Kind, Name);

    /// <summary>Annotation that sets the PAM name when it differs from <c>metadata.name</c> (after Crossplane).</summary>
    public const string ExternalNameAnnotation = "pamoperator.io/external-name";

    /// <summary>The object's name in the PAM: the external-name annotation, else <c>metadata.name</c>.</summary>
    public string ExternalName => Annotations.TryGetValue(ExternalNameAnnotation, out var n) && n.Length > 0 ? n : Name;

    /// <summary>The natural key that matches this object with its live counterpart (see <see cref="NaturalKey"/>).</summary>
    public string Key => NaturalKey.Of(Kind, ExternalName, Spec);

    /// <summary>The location of <paramref name="path"/> (e.g. <c>spec.safe</c>), or of the document when unknown.</summary>
    public SourceLocation LocationOf(string path) =>
        FieldLocations.TryGetValue(path, out var location) ? location : Location;
}
