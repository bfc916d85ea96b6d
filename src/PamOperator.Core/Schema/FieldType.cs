namespace PamOperator.Core.Schema;

/// <summary>The closed set of spec field types. Each maps to one JSON Schema shape and one diff rule.</summary>
public enum FieldType
{
    /// <summary>Free text.</summary>
    String,
    Boolean,
    /// <summary>64-bit integer (JSON number without fraction).</summary>
    Integer,
    /// <summary>One of <see cref="FieldDescriptor.Enum"/>.</summary>
    Enum,
    /// <summary>Time of day <c>HH:MM:SS</c>.</summary>
    Time,
    /// <summary>Point in time; the wire form is the vendor's.</summary>
    DateTime,
    /// <summary>Another PAM object by its PAM name; <see cref="FieldDescriptor.References"/> names its wire type.</summary>
    Reference,
    /// <summary>Write-only secret given by reference (<c>valueFrom</c>); never read back, never printed.</summary>
    Secret,
    /// <summary>Nested object whose members are <see cref="FieldDescriptor.Fields"/>.</summary>
    Object,
    /// <summary>List of objects shaped by <see cref="FieldDescriptor.Fields"/>, compared as a set.</summary>
    ObjectList,
    /// <summary>List of strings (each one of <see cref="FieldDescriptor.Enum"/> when set), compared as a set.
    /// Used by control fields and ProviderConfig only; vendor kinds do not use it.</summary>
    StringList,
}
