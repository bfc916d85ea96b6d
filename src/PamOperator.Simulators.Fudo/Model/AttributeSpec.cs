using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>One attribute of a Fudo object model, as the seed's model tables describe it.</summary>
internal sealed record AttributeSpec(string Name, AttrKind Kind)
{
    public AttrSource Source { get; init; } = AttrSource.Client;

    /// <summary>Must hold a value once created (after defaults). Conditional requirements live in the model's rules.</summary>
    public bool Required { get; init; }

    /// <summary>Value given on create when the client sends none: a bool, long or string.</summary>
    public object? Default { get; init; }

    public bool Immutable { get; init; }

    public bool Unique { get; init; }

    public bool IgnoreCase { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>For multi-valued enums such as <c>ocr_lang</c> (<c>deu+eng</c>).</summary>
    public char? EnumSeparator { get; init; }

    /// <summary>Only returned when requested by <c>fields=</c>.</summary>
    public bool Expensive { get; init; }

    /// <summary>Write-only secret: accepted on POST/PATCH, never returned, never logged.</summary>
    public bool Protected { get; init; }

    /// <summary>Hidden in the model table: only returned when requested by <c>fields=</c>.</summary>
    public bool Hidden { get; init; }

    /// <summary>Not in default output because the seed samples leave it out (<c>removed</c>, <c>user_safe_id</c>).</summary>
    public bool OmittedByDefault { get; init; }

    /// <summary>For strings: the empty string is a value (otherwise it is rejected).</summary>
    public bool MayBeEmpty { get; init; }

    /// <summary>For <see cref="AttrKind.Id"/>: the type the id must exist in; null when the simulator has no such type.</summary>
    public string? References { get; init; }

    /// <summary>Protocol group (<c>rdp</c>, <c>ssh</c>, <c>vnc</c>) whose nested input form maps to this flat attribute.</summary>
    public string? Group { get; init; }

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    /// <summary>The model table's conditional "Required" column (e.g. <c>type == regular</c>), for objspec.</summary>
    public string? Condition { get; init; }

    /// <summary>For <see cref="AttrSource.Derived"/>: computes the value from other objects.</summary>
    public Func<DerivationContext, StoredObject, JsonNode?>? Derive { get; init; }

    /// <summary>Overrides the default-output rule (used for a safe's <c>accounts</c>).</summary>
    public Func<FudoCompatibility, bool>? InDefaultOutputWhen { get; init; }

    public bool IsReadOnly => Source != AttrSource.Client;

    /// <summary>Whether the attribute appears when a GET has no <c>fields=</c> (null values are skipped anyway).</summary>
    public bool InDefaultOutput(FudoCompatibility compatibility) =>
        InDefaultOutputWhen?.Invoke(compatibility) ?? !(Expensive || Protected || Hidden || OmittedByDefault);
}
