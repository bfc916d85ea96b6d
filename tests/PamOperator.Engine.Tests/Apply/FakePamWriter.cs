using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>Hands out one prepared <see cref="FakeWriteSession"/> and records what the applier planned to write.</summary>
internal sealed class FakePamWriter(FakeWriteSession session) : IPamWriter
{
    public IReadOnlyList<WriteOperation>? Planned { get; private set; }

    public int Begun { get; private set; }

    public Task<IWriteSession> BeginAsync(IReadOnlyList<WriteOperation> planned, LiveState live, CancellationToken cancellationToken)
    {
        Begun++;
        Planned = planned;
        return Task.FromResult<IWriteSession>(session);
    }
}
