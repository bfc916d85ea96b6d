namespace PamOperator.Manifests.Cel.Ast;

/// <summary>Field access <c>operand.field</c>; an absent field is an evaluation error (test it with <c>has()</c>).</summary>
internal sealed record CelSelect(CelExpr Operand, string Field) : CelExpr;
