namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>What an expression sees: the dot (rebound by <c>with</c> and <c>range</c>) and the named templates for
/// <c>include</c>.</summary>
public sealed record RenderScope(object? Dot, IReadOnlyDictionary<string, IReadOnlyList<TemplateNode>> Defines);
