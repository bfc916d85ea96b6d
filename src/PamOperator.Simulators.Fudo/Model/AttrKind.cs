namespace PamOperator.Simulators.Fudo.Model;

/// <summary>Wire types of attributes, as <c>objspec</c> names them.</summary>
internal enum AttrKind
{
    String,
    Boolean,
    Number,
    /// <summary>64-bit id as a decimal string (input may also be a JSON integer).</summary>
    Id,
    /// <summary>Postgres text timestamp, or <c>-infinity</c>/<c>infinity</c>.</summary>
    Datetime,
    /// <summary><c>HH:MM:SS</c>.</summary>
    Time,
    StringArray,
    ObjectArray,
}
