namespace PamOperator.Core.Diagnostics;

/// <summary>
/// A position in a source file, 1-based line and column (as editors and compilers print them).
/// <see cref="File"/> is the path as the user gave it, or <c>&lt;stdin&gt;</c>.
/// </summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
