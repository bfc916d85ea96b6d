namespace PamOperator.Manifests.ProviderConfigs;

/// <param name="RequestsPerSecond">Sustained API calls per second. Default 20.</param>
/// <param name="Burst">Calls allowed at once above the sustained rate. Default 40.</param>
public sealed record ProviderRateLimit(int RequestsPerSecond, int Burst);
