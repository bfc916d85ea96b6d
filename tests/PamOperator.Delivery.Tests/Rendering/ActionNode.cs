namespace PamOperator.Delivery.Tests.Rendering;

/// <summary><c>{{ pipeline }}</c>: prints the pipeline's value.</summary>
public sealed record ActionNode(string Pipeline) : TemplateNode;
