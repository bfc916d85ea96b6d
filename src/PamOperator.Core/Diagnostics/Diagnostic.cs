namespace PamOperator.Core.Diagnostics;

/// <summary>
/// A user-facing problem, as a value (after Terraform's tfdiags). User mistakes are diagnostics, never exceptions.
/// </summary>
/// <param name="Severity">Error stops the command before any write; Warning is reported and the command goes on.</param>
/// <param name="Code">Stable code from <see cref="DiagnosticCodes"/>; scripts and docs may key on it.</param>
/// <param name="Summary">One line saying what is wrong.</param>
/// <param name="Detail">What to do about it. Never contains a secret value.</param>
/// <param name="Location">Where in the user's files, when known.</param>
/// <param name="Address">The object concerned (<see cref="ObjectAddress"/> text), when known.</param>
public sealed record Diagnostic(
    Severity Severity,
    string Code,
    string Summary,
    string Detail,
    SourceLocation? Location = null,
    string? Address = null)
{
    public static Diagnostic Error(string code, string summary, string detail, SourceLocation? location = null, string? address = null) =>
        new(Severity.Error, code, summary, detail, location, address);

    public static Diagnostic Warning(string code, string summary, string detail, SourceLocation? location = null, string? address = null) =>
        new(Severity.Warning, code, summary, detail, location, address);

    /// <summary>Compiler-style one-liner: <c>file:line:col: error PAM101: summary</c>.</summary>
    public override string ToString()
    {
        var where = Location is null ? "" : $"{Location}: ";
        var sev = Severity == Severity.Error ? "error" : "warning";
        return $"{where}{sev} {Code}: {Summary}";
    }
}
