namespace PamOperator.Manifests.Cel.Ast;

/// <summary>A binary operator: <c>&amp;&amp; || == != &lt; &lt;= &gt; &gt;= in</c>.</summary>
internal sealed record CelBinary(string Operator, CelExpr Left, CelExpr Right) : CelExpr;
