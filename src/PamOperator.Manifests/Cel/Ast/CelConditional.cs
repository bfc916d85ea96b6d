namespace PamOperator.Manifests.Cel.Ast;

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed record CelConditional(CelExpr Condition, CelExpr WhenTrue, CelExpr WhenFalse) : CelExpr;
