using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>An in-memory PAM: returns the objects of the requested types and records what was asked. With a progress
/// listener it reports each type's objects as one page, in the order the types were asked for (empty types not at
/// all, as a list call with no rows reads none).</summary>
internal sealed class FakeLiveStateReader(IEnumerable<LiveObject> objects) : ILiveStateReader
{
    private readonly List<LiveObject> _objects = [.. objects];

    public List<IReadOnlyCollection<ObjectType>> Requests { get; } = [];

    public Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, IObserveProgress progress, CancellationToken cancellationToken)
    {
        var live = ObserveAsync(types, cancellationToken);
        foreach (var type in types)
        {
            var count = _objects.Count(o => o.Type == type);
            if (count > 0)
            {
                progress.Read(type, count);
            }
        }

        return live;
    }

    public Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Add([.. types]);
        var wanted = types.ToHashSet();
        return Task.FromResult(new LiveState(_objects.Where(o => wanted.Contains(o.Type))));
    }
}
