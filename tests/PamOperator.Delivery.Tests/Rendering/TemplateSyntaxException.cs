namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>A template outside the supported subset, or unbalanced (an <c>end</c> without a block, a block without
/// its <c>end</c>, <c>{{</c> without <c>}}</c>).</summary>
public sealed class TemplateSyntaxException(string message) : Exception(message);
