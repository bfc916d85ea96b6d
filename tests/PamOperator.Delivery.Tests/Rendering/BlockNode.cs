namespace PamOperator.Delivery.Tests.Rendering;

/// <summary><c>{{ if|with|range pipeline }} Body {{ else }} Else {{ end }}</c>.</summary>
public sealed record BlockNode(string Keyword, string Pipeline, IReadOnlyList<TemplateNode> Body, IReadOnlyList<TemplateNode> Else)
    : TemplateNode;
