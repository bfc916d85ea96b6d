namespace PamOperator.Core.Diagnostics;

/// <summary>
/// The "trust nothing" codes: hostile or unusual input (PAM011-PAM019), secret-source policy (PAM220-PAM229), saved
/// plans that do not match what the manifests and the PAM give (PAM406-PAM409). See SECURITY.md.
/// </summary>
public static partial class DiagnosticCodes
{
    /// <summary><c>apply PLANFILE</c> without <c>-f</c>: a saved plan is executed only with the manifests it was made from.</summary>
    public const string PlanFileNeedsManifests = "PAM406";

    /// <summary>A saved plan differs from the plan the manifests and the freshly observed PAM give now (it was edited,
    /// or made with other options or manifests).</summary>
    public const string PlanFileMismatch = "PAM407";
}
