namespace PamOperator.Core.Diagnostics;

/// <summary>
/// Every diagnostic code, once. Codes are stable: never reuse or renumber one (docs/diagnostics.md lists them).
/// Ranges: PAM0xx input and YAML, PAM1xx schema, PAM2xx semantic rules, PAM3xx references and planning,
/// PAM4xx apply, PAM5xx provider and API. Each area keeps its codes in its own partial file (DiagnosticCodes.*.cs).
/// </summary>
public static partial class DiagnosticCodes
{
    // PAM0xx: reading input
    public const string FileNotFound = "PAM001";
    public const string YamlSyntax = "PAM002";
    public const string FileTooLarge = "PAM003";
    public const string AliasExpansionTooLarge = "PAM004";
    public const string NestingTooDeep = "PAM005";
    public const string NotUtf8Text = "PAM006";
    public const string TabIndentation = "PAM007";
    public const string DuplicateKey = "PAM008";
    public const string NoManifestFiles = "PAM009";
    public const string UnsupportedYaml = "PAM010";

    // PAM1xx: schema (one document against its kind)
    public const string UnknownKind = "PAM101";
    public const string MissingField = "PAM102";
    public const string UnknownField = "PAM103";
    public const string WrongType = "PAM104";
    public const string InvalidValue = "PAM105";
    public const string OutOfRange = "PAM106";
    public const string InvalidFormat = "PAM107";
    public const string InlineSecret = "PAM108";
    public const string InvalidSecretReference = "PAM109";
    public const string InvalidName = "PAM110";
    public const string DocumentNotObject = "PAM111";
    public const string NamespaceOnClusterScoped = "PAM112";

    // PAM2xx: semantic rules (conditional requirements, time windows, rules across objects)
    public const string RequiredWhen = "PAM203";
    public const string NotAllowedWhen = "PAM204";
    public const string ManagementPoliciesWildcard = "PAM208";
    public const string DuplicateObject = "PAM209";
    public const string DuplicateName = "PAM210";
    public const string UnknownProviderConfig = "PAM211";
    public const string AmbiguousProviderConfig = "PAM212";
    public const string ReferenceCaseMismatch = "PAM213";
    public const string DeprecatedKind = "PAM214";
    public const string InsecureTls = "PAM215";
    public const string InvalidRegex = "PAM216";
    public const string PruneScopeExclusive = "PAM217";
}
