namespace PamOperator.Core.Diagnostics;

/// <summary>How bad a <see cref="Diagnostic"/> is. Any <see cref="Error"/> makes a command exit 1 before any PAM write.</summary>
public enum Severity
{
    Error,
    Warning,
}
