namespace PamOperator.Manifests.Cel.Ast;

/// <summary>A node of a parsed CEL expression (the subset that <see cref="CelParser"/> accepts).</summary>
internal abstract record CelExpr;
