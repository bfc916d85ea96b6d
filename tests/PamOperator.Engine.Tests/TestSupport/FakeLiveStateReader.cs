using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>An in-memory PAM: returns the objects of the requested types and records what was asked.</summary>
internal sealed class FakeLiveStateReader(IEnumerable<LiveObject> objects) : ILiveStateReader
{
    private readonly List<LiveObject> _objects = [.. objects];

    public List<IReadOnlyCollection<ObjectType>> Requests { get; } = [];

    public Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Add([.. types]);
        var wanted = types.ToHashSet();
        return Task.FromResult(new LiveState(_objects.Where(o => wanted.Contains(o.Type))));
    }
}
