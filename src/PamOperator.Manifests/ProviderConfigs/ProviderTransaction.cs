namespace PamOperator.Manifests.ProviderConfigs;

/// <param name="Mode">Default <see cref="TransactionMode.Atomic"/>.</param>
/// <param name="MaxBatchSize">Most requests in one batch. Default 500.</param>
public sealed record ProviderTransaction(TransactionMode Mode, int MaxBatchSize);
