namespace PamOperator.Engine.Apply;

/// <summary>
/// One journal line. <see cref="Phase"/>: <c>intent</c> (about to write; <see cref="Undo"/> says how to undo it),
/// <c>done</c>, <c>failed</c>, <c>compensated</c>, <c>compensation-failed</c>.
/// </summary>
public sealed record JournalEntry(DateTimeOffset At, string Phase, string Step, string Key, string? ExternalId, string? Undo, string? Message);
