namespace PamOperator.Core.Diagnostics;

/// <summary>Codes of the command line itself: choosing the PAM, options, files pamctl writes (PAM015-029, PAM409-429,
/// PAM603-629).</summary>
public static partial class DiagnosticCodes
{
    /// <summary>The input has no ProviderConfig, the embedded simulator was not chosen, and no person is at a terminal.</summary>
    public const string ProviderConfigMissing = "PAM015";

    /// <summary><c>--embedded</c> was given together with ProviderConfigs: which PAM is meant is unclear.</summary>
    public const string EmbeddedWithProviderConfig = "PAM016";

    /// <summary>A file or directory pamctl was asked to write (a plan file, import output) cannot be written.</summary>
    public const string OutputNotWritable = "PAM017";

    /// <summary>A ProviderConfig's <c>tls.caFile</c> does not exist or cannot be read as a CA bundle.</summary>
    public const string CaFileUnusable = "PAM018";

    /// <summary>A command-line option is outside its range.</summary>
    public const string OptionOutOfRange = "PAM019";

    /// <summary>A <c>--target</c> address names no declared object.</summary>
    public const string TargetNotDeclared = "PAM020";

    /// <summary>A <c>-l/--selector</c> label selector does not parse.</summary>
    public const string SelectorInvalid = "PAM021";

    /// <summary>Warning: the plan covers only the targeted or selected objects and their dependencies.</summary>
    public const string TargetingInEffect = "PAM022";

    /// <summary><c>pamctl list KIND</c> names no kind of the registry's vendors.</summary>
    public const string ListUnknownKind = "PAM023";

    /// <summary>Objects a manifest connects disagree where the PAM requires them to agree (a listener's protocol and
    /// the account's): found at plan time, at the manifest's reference.</summary>
    public const string ReferenceDisagreement = "PAM314";

    /// <summary><c>apply</c> was given neither manifests nor a saved plan.</summary>
    public const string ApplyNeedsInput = "PAM409";

    /// <summary>Import would overwrite a file that exists (without <c>--force</c>).</summary>
    public const string ImportWouldOverwrite = "PAM603";

    /// <summary>An imported object carries a secret the PAM never returns: its manifest needs a reference added.</summary>
    public const string ImportSecretNeeded = "PAM604";
}
