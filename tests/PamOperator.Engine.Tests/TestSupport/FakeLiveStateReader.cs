using PamOperator.Core.Providers;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>An in-memory PAM: returns the objects of the requested types and records what was asked.</summary>
internal sealed class FakeLiveStateReader(IEnumerable<LiveObject> objects) : ILiveStateReader
{
    private readonly List<LiveObject> _objects = [.. objects];

    public List<IReadOnlyCollection<string>> Requests { get; } = [];

    public Task<LiveState> ObserveAsync(IReadOnlyCollection<string> wireTypes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Add([.. wireTypes]);
        var types = wireTypes.ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(new LiveState(_objects.Where(o => types.Contains(o.WireType))));
    }
}
