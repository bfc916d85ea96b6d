namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>A CRD's additionalPrinterColumns entry.</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description);
