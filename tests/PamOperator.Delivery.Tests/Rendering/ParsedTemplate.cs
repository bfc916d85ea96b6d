namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>A template file: its top-level nodes and the named templates it <c>define</c>s.</summary>
public sealed record ParsedTemplate(IReadOnlyList<TemplateNode> Nodes, IReadOnlyDictionary<string, IReadOnlyList<TemplateNode>> Defines);
