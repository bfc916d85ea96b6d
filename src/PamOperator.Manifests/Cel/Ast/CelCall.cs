namespace PamOperator.Manifests.Cel.Ast;

/// <summary>A function call, global (<c>size(x)</c>, <c>has(x.f)</c>) or on a target (<c>x.size()</c>,
/// <c>list.all(v, pred)</c>); macros keep their variable as a <see cref="CelIdent"/> first argument.</summary>
internal sealed record CelCall(string Function, CelExpr? Target, IReadOnlyList<CelExpr> Args) : CelExpr;
