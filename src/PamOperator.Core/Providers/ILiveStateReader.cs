using PamOperator.Core.Schema;

namespace PamOperator.Core.Providers;

/// <summary>
/// The observe half of a vendor contract (after crossplane-runtime's ExternalClient.Observe).
/// </summary>
public interface ILiveStateReader
{
    /// <summary>
    /// Lists every live object of <paramref name="types"/> (all of the reader's own vendor) with list calls (paged
    /// until exhausted; types fetched concurrently), never one GET per object, and translates them to manifest
    /// vocabulary (one GET per object only where the API lists keys without bodies, as One Identity SPS does). Never
    /// writes. Idempotent. Throws <see cref="PamApiException"/> when the PAM cannot be read.
    /// </summary>
    Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ObserveAsync(IReadOnlyCollection{ObjectType}, CancellationToken)"/>, telling
    /// <paramref name="progress"/> about every page as it is read. A reader that does not implement it reports nothing
    /// while it reads (the engine still reports each type's count once the observe ends).
    /// </summary>
    Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, IObserveProgress progress, CancellationToken cancellationToken) =>
        ObserveAsync(types, cancellationToken);
}
