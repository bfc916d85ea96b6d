namespace PamOperator.Manifests.ProviderConfigs;

/// <param name="CaFile">Absolute path of the CA bundle (resolved against the manifest's directory); null = system trust.</param>
/// <param name="InsecureSkipVerify">Skip certificate verification (explicit choice only; validation warns). Default false.</param>
public sealed record ProviderTls(string? CaFile, bool InsecureSkipVerify);
