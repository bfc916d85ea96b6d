namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>The query parameters and URL facts that change how a PATCH is applied.</summary>
internal sealed record PatchOptions(string? FieldManager, string? Force, bool DryRun, bool StatusOnly);
