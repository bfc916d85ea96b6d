namespace PamOperator.Core.Schema;

/// <summary>
/// One manifest kind (e.g. <c>fudo.pamoperator.io/v1alpha1 Safe</c>) and how it maps to a vendor object type.
/// </summary>
public sealed record KindDescriptor
{
    /// <summary>API group, e.g. <c>fudo.pamoperator.io</c>.</summary>
    public required string Group { get; init; }

    public string Version { get; init; } = "v1alpha1";

    /// <summary>PascalCase kind, e.g. <c>Safe</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Lower-case plural resource name used by the CRD, e.g. <c>safes</c>.</summary>
    public required string Plural { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Vendor key, e.g. <c>fudo</c>.</summary>
    public required string Vendor { get; init; }

    /// <summary>The vendor's object type on the wire, e.g. <c>safe</c>, <c>user_safe</c>.</summary>
    public required string WireType { get; init; }

    /// <summary>The vendor-qualified type (<see cref="Group"/>, <see cref="WireType"/>): half of every object identity.</summary>
    public ObjectType Type => new(Group, WireType);

    /// <summary>What the API lets the tool do with this kind. Default <see cref="KindCapability.Managed"/>.</summary>
    public KindCapability Capability { get; init; } = KindCapability.Managed;

    /// <summary>For <see cref="KindCapability.Selector"/> kinds: what the manifest selects and what it makes each
    /// selected object carry. Null for other kinds.</summary>
    public Selection? Selection { get; init; }

    /// <summary>The vendor-qualified type a reference field of this kind points at (references never leave the vendor).</summary>
    public ObjectType ReferencedType(FieldDescriptor field) => new(Group, field.References ?? "");

    /// <summary>Spec fields, excluding the control fields every kind has.</summary>
    public required IReadOnlyList<FieldDescriptor> Fields { get; init; }

    /// <summary>When set, using this kind produces a warning with this text.</summary>
    public string? Deprecation { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Spec fields (reference fields) whose values form the natural key of an unnamed kind, e.g.
    /// <c>user</c>, <c>safe</c> for a user-safe assignment. Empty for named kinds, whose key is the PAM name.</summary>
    public IReadOnlyList<string> KeyFields { get; init; } = [];

    /// <summary>False for kinds identified by <see cref="KeyFields"/> rather than by a PAM name.</summary>
    public bool IsNamed => KeyFields.Count == 0;

    public string ApiVersion => $"{Group}/{Version}";

    /// <summary>True for namespaced kinds (every vendor kind); false for cluster-scoped ones (ProviderConfig).</summary>
    public bool Namespaced { get; init; } = true;

    /// <summary>True when the spec also carries the control fields (<c>providerConfigRef</c>, <c>deletionPolicy</c>,
    /// <c>managementPolicies</c>); false for ProviderConfig.</summary>
    public bool HasControlFields { get; init; } = true;

    /// <summary>Rules over the whole spec (<c>self</c> = spec): conditional requirements, exclusive fields.
    /// Shipped in the CRD as <c>x-kubernetes-validations</c> and evaluated by the CLI.</summary>
    public IReadOnlyList<ValidationRule> Rules { get; init; } = [];

    /// <summary>Rules across references that the PAM enforces (e.g. a listener's protocol must be the account's): plan
    /// checks them on the declared and live objects they reach (PAM314).</summary>
    public IReadOnlyList<ReferenceAgreement> Agreements { get; init; } = [];
}
