using System.Text.Json.Nodes;

namespace PamOperator.Manifests.Validation;

/// <summary>One schema violation: <see cref="Path"/> is relative to the validated node (<c>ssh.x11</c>,
/// <c>timePolicy[0].validFrom</c>); for a missing property it names the missing child. <see cref="Schema"/> is the
/// schema node whose keyword failed (for its bounds, pattern and type), or null.</summary>
internal sealed record SchemaError(string Path, SchemaErrorKind Kind, JsonObject? Schema);

/// <summary>What a schema keyword found wrong; the names say what to write, independent of the schema library.</summary>
internal enum SchemaErrorKind
{
    Other,
    PropertyRequired,
    NoAdditionalPropertiesAllowed,
    NotInEnumeration,
    ItemsNotUnique,
    PatternMismatch,
    NumberTooBig,
    NumberTooSmall,
    StringTooShort,
    StringTooLong,
    TooManyItems,
    TooFewItems,
    TooManyProperties,
    TooFewProperties,
    BooleanExpected,
    IntegerExpected,
    NumberExpected,
    StringExpected,
    ObjectExpected,
    ArrayExpected,
}
