namespace PamOperator.Manifests.Cel;

/// <summary>One lexical token; <see cref="Text"/> is the symbol, identifier, digits or the unescaped string.</summary>
internal readonly record struct CelToken(CelTokenKind Kind, string Text, int Position);
