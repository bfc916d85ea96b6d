namespace PamOperator.Manifests.Cel.Ast;

/// <summary>A list literal <c>[a, b]</c>.</summary>
internal sealed record CelList(IReadOnlyList<CelExpr> Items) : CelExpr;
