namespace PamOperator.Simulators.Fudo;

/// <summary>What a bulk insert created: how many objects, and the first and last new id (ids are consecutive).</summary>
public sealed record BulkInsertResult(int Count, string? FirstId, string? LastId);
