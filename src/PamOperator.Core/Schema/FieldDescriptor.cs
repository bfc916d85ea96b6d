namespace PamOperator.Core.Schema;

/// <summary>
/// One spec field of a kind: the single truth from which the JSON Schema, the CRD, validation, the diff and the
/// wire mapping are all derived.
/// </summary>
public sealed record FieldDescriptor
{
    /// <summary>camelCase name inside its parent (<c>x11</c> inside <c>ssh</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Vendor attribute name on the wire (<c>ssh_x11</c>); null when the provider maps the field itself.</summary>
    public string? WireName { get; init; }

    public required FieldType Type { get; init; }

    /// <summary>The vendor's default, applied when the manifest omits the field (the manifest is the whole truth).
    /// A <see cref="bool"/>, <see cref="long"/> or <see cref="string"/>; null when the API has none.</summary>
    public object? Default { get; init; }

    /// <summary>Allowed values when <see cref="Type"/> is <see cref="FieldType.Enum"/>.</summary>
    public IReadOnlyList<string> Enum { get; init; } = [];

    /// <summary>The PAM refuses to change it after creation: a change is planned as replace.</summary>
    public bool Immutable { get; init; }

    public bool Required { get; init; }

    /// <summary>For <see cref="FieldType.Reference"/>: the referenced object's wire type (<c>safe</c>, <c>user</c>, ...).</summary>
    public string? References { get; init; }

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    /// <summary>Regular expression a string (for a string list: each item) must match (ECMAScript flavour, valid in JSON
    /// Schema and CRDs).</summary>
    public string? Pattern { get; init; }

    /// <summary>Members of an <see cref="FieldType.Object"/> or of each item of an <see cref="FieldType.ObjectList"/>.</summary>
    public IReadOnlyList<FieldDescriptor> Fields { get; init; } = [];

    public string Description { get; init; } = "";

    /// <summary>When set, <see cref="Default"/> applies only if the condition holds for the spec
    /// (<see cref="FieldCondition.IsMetBy"/>), e.g. <c>passwordChangePolicy</c> defaults to <c>Static</c> only for
    /// <c>type: regular</c>. A conditional default is not written into the CRD. Null: the default always applies.</summary>
    public FieldCondition? DefaultWhen { get; init; }

    /// <summary>Rules over this field's value (<c>self</c> = the value), e.g. a list-wide rule.</summary>
    public IReadOnlyList<ValidationRule> Rules { get; init; } = [];

    /// <summary>Rules over each item of an <see cref="FieldType.ObjectList"/> (<c>self</c> = the item).</summary>
    public IReadOnlyList<ValidationRule> ItemRules { get; init; } = [];

    /// <summary>Upper bound on the items of a list field (bounds CEL cost in the CRD); null = unbounded.</summary>
    public int? MaxItems { get; init; }

    /// <summary>A human example of the expected format, used in diagnostics (e.g. <c>09:00:00</c>).</summary>
    public string? FormatHint { get; init; }
}
