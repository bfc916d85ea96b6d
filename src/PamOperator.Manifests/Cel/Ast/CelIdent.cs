namespace PamOperator.Manifests.Cel.Ast;

/// <summary>A variable: <c>self</c>, <c>oldSelf</c> or a macro's iteration variable.</summary>
internal sealed record CelIdent(string Name) : CelExpr;
