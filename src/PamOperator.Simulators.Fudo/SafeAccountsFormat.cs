namespace PamOperator.Simulators.Fudo;

/// <summary>Shape of a safe's read-only <c>accounts</c> attribute.</summary>
public enum SafeAccountsFormat
{
    /// <summary>Array of account id strings, as the seed's safe list sample (default; Fudo 5.3).</summary>
    IdStrings,

    /// <summary>Array of <c>{"id","name","type"}</c> objects, as the SafeModel table describes (Fudo 5.4).</summary>
    Objects,
}
