namespace PamOperator.Manifests.Cel.Ast;

/// <summary>A literal: <c>null</c>, a <see cref="bool"/>, a <see cref="long"/> or a <see cref="string"/>.</summary>
internal sealed record CelLiteral(object? Value) : CelExpr;
