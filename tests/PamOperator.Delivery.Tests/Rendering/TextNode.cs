namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>Literal text, already trimmed by the neighbouring actions' <c>{{-</c> / <c>-}}</c> markers.</summary>
public sealed record TextNode(string Text) : TemplateNode;
