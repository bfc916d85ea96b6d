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
}
