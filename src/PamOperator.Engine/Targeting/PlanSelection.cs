namespace PamOperator.Engine.Targeting;

/// <summary>What a targeted plan was narrowed to (<c>--target</c> addresses and the <c>-l/--selector</c>); a saved
/// plan records it so that <c>apply PLANFILE</c> recomputes the same narrowed plan.</summary>
public sealed record PlanSelection(IReadOnlyList<string> Targets, string? Selector);
