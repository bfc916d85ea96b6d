namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>A node of a parsed Go/Helm template (the subset <see cref="TemplateParser"/> accepts).</summary>
public abstract record TemplateNode;
