using PamOperator.Engine.Apply;

namespace PamOperator.Engine.Runs;

/// <summary>What an apply needs besides the plan: secrets, progress hooks, the intent journal (required for sessions
/// without a transaction: the CLI keeps it in <c>.pamctl/journal</c>, the operator in a ConfigMap), and overrides.</summary>
public sealed record ApplyServices
{
    public required ISecretValueSource Secrets { get; init; }

    public IApplyHooks Hooks { get; init; } = NullApplyHooks.Instance;

    public IApplyJournal Journal { get; init; } = NullApplyJournal.Instance;

    /// <summary>Overrides the target's parallelism (e.g. <c>--parallelism</c>); null = the target's.</summary>
    public int? Parallelism { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The run's secret values, masked in the PAM's messages (see <see cref="PamMessageText"/>).</summary>
    public Core.Security.SecretRedactor? Redactor { get; init; }
}
