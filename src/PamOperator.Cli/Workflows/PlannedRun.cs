using PamOperator.Cli.Targets;
using PamOperator.Core.Providers;
using PamOperator.Engine.Plans;
using PamOperator.Manifests;

namespace PamOperator.Cli.Workflows;

/// <summary>
/// A plan together with everything it was made from. Owns the <see cref="Session"/> (dispose the run to release it).
/// </summary>
public sealed class PlannedRun(ManifestReadResult read, ProviderSession session, LiveState live, IReadOnlyCollection<string> observedTypes, Plan plan) : IAsyncDisposable
{
    public ManifestReadResult Read { get; } = read;

    public ProviderSession Session { get; } = session;

    public LiveState Live { get; } = live;

    public IReadOnlyCollection<string> ObservedTypes { get; } = observedTypes;

    public Plan Plan { get; } = plan;

    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
