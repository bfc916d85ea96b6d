namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>The query parameters and URL facts that change how a PATCH is applied.</summary>
internal sealed record PatchOptions(string? FieldManager, string? Force, bool DryRun, bool StatusOnly)
{
    /// <summary>The <c>fieldValidation</c> query parameter: Strict, Warn (the default) or Ignore.</summary>
    public string? FieldValidation { get; init; }

    /// <summary>Who owns the fields a non-apply patch changes: fieldManager, else the User-Agent's product.</summary>
    public string Manager { get; init; } = string.Empty;
}
