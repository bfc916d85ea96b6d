using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Schema;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Apply;

/// <summary>Everything <see cref="Applier.ApplyAsync"/> needs: a plan without errors, the state it was made from,
/// where to write, and how to find secret values.</summary>
public sealed record ApplyRequest
{
    public required Plan Plan { get; init; }

    /// <summary>The observed state the plan was made from (ids of referenced objects, provider data).</summary>
    public required LiveState Live { get; init; }

    public required IPamWriter Writer { get; init; }

    /// <summary>The vendor's kind catalog (the same the plan was made with).</summary>
    public required IReadOnlyList<KindDescriptor> Kinds { get; init; }

    public required ISecretValueSource Secrets { get; init; }

    /// <summary>Most writes at once when the session has no transaction. Default 10.</summary>
    public int Parallelism { get; init; } = 10;

    public IApplyHooks Hooks { get; init; } = NullApplyHooks.Instance;

    /// <summary>Where intents are recorded before non-transactional writes. Default: none.</summary>
    public IApplyJournal Journal { get; init; } = NullApplyJournal.Instance;

    /// <summary>Every secret value the run resolved: masked in the PAM's messages before they are reported (see
    /// <see cref="PamMessageText"/>). Null: only secret-looking values are masked.</summary>
    public Core.Security.SecretRedactor? Redactor { get; init; }

    /// <summary>The clock of journal entries. Default: the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
