namespace PamOperator.Kubernetes;

/// <summary>Selectors and page size of a list. <see cref="PageSize"/> 0 = one request for everything (default 500).</summary>
public sealed record ListOptions(string? LabelSelector = null, string? FieldSelector = null, int PageSize = 500);
