namespace PamOperator.Core.Diagnostics;

/// <summary>
/// The "trust nothing" codes: hostile or unusual input (PAM011-PAM019), secret-source policy (PAM220-PAM229), saved
/// plans that do not match what the manifests and the PAM give (PAM406-PAM409). See SECURITY.md.
/// </summary>
public static partial class DiagnosticCodes
{
    /// <summary>A <c>-f</c> path (or a file found under a directory) is not a regular file: a device, a FIFO, a socket.</summary>
    public const string InputNotRegularFile = "PAM011";

    /// <summary>An input file exists but cannot be read (permissions, an I/O error).</summary>
    public const string InputUnreadable = "PAM012";

    /// <summary>A symbolic link found under a <c>-f</c> directory points outside that directory; it is not followed.</summary>
    public const string InputSymlinkOutside = "PAM013";

    /// <summary>A number in the input cannot be represented (e.g. <c>1e400</c>).</summary>
    public const string NumberNotRepresentable = "PAM014";

    /// <summary>A <c>valueFrom.file</c> secret is outside the secrets root, escapes it by a symbolic link, or is not a
    /// regular file of at most the size limit.</summary>
    public const string SecretFileRefused = "PAM220";

    /// <summary>A <c>valueFrom.env</c> secret names a provider credential's variable, or a variable outside the
    /// ProviderConfig's <c>secrets.envPrefix</c>.</summary>
    public const string SecretVariableRefused = "PAM221";

    /// <summary><c>apply PLANFILE</c> without <c>-f</c>: a saved plan is executed only with the manifests it was made from.</summary>
    public const string PlanFileNeedsManifests = "PAM406";

    /// <summary>A saved plan differs from the plan the manifests and the freshly observed PAM give now (it was edited,
    /// or made with other options or manifests).</summary>
    public const string PlanFileMismatch = "PAM407";

    /// <summary>Another pamctl run holds the embedded simulator's state directory (<c>.pamctl/</c>).</summary>
    public const string StateLocked = "PAM408";
}
