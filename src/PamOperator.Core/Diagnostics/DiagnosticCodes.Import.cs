namespace PamOperator.Core.Diagnostics;

/// <summary>PAM6xx: import.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>An imported object refers to an id that no listed object has.</summary>
    public const string ImportDanglingReference = "PAM601";

    /// <summary><c>--kind</c> named a kind that does not exist.</summary>
    public const string ImportUnknownKind = "PAM602";
}
