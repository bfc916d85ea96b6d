namespace PamOperator.Manifests.Cel.Ast;

/// <summary><c>!x</c> or <c>-x</c>.</summary>
internal sealed record CelUnary(string Operator, CelExpr Operand) : CelExpr;
