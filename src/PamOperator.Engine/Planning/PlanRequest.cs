using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Planning;

/// <summary>Everything <see cref="Planner.Plan"/> needs. Values only; the planner performs no I/O.</summary>
public sealed record PlanRequest
{
    /// <summary>The declared objects (validated manifests): the whole truth for the objects they name.</summary>
    public required IReadOnlyList<ManifestObject> Desired { get; init; }

    /// <summary>The vendor's kind catalog: every kind the tool manages.</summary>
    public required IReadOnlyList<KindDescriptor> Kinds { get; init; }

    /// <summary>What the PAM holds, observed for <see cref="ObservedTypes"/>.</summary>
    public LiveState Live { get; init; } = LiveState.Empty;

    public PlanOptions Options { get; init; } = PlanOptions.Default;

    /// <summary>Manifests known to have been removed (the operator's deleted custom resources): each is deleted or
    /// orphaned according to its <see cref="ControlFields.DeletionPolicy"/>, without needing prune. Default none.</summary>
    public IReadOnlyList<ManifestObject> Removed { get; init; } = [];

    /// <summary>The vendor-qualified types that were observed (fingerprinted). Default: <see cref="ObservationScope.For"/>.</summary>
    public IReadOnlyCollection<ObjectType>? ObservedTypes { get; init; }
}
