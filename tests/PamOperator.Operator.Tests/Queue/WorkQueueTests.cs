using FluentAssertions;
using PamOperator.Operator.Queue;
using PamOperator.Operator.Resources;
using Xunit;

namespace PamOperator.Operator.Tests.Queue;

public sealed class WorkQueueTests
{
    private static ResourceKey Key(string name) => new("safes.fudo.pamoperator.io", "default", name);

    [Fact]
    public async Task Add_SameKeyTwiceAndManyKeysOfOneProviderConfig_BecomeOneDeduplicatedBatch()
    {
        var queue = new WorkQueue(TimeProvider.System, Backoff.Default);
        queue.Add("pc", Key("a"));
        queue.Add("pc", Key("a"));
        queue.Add("pc", Key("b"));

        var group = await queue.NextGroupAsync(CancellationToken.None);

        group.Should().Be("pc");
        queue.Drain(group).Should().BeEquivalentTo([Key("a"), Key("b")]);
    }

    [Fact]
    public async Task ActiveGroup_IsNotHandedOutAgainUntilDone()
    {
        var queue = new WorkQueue(TimeProvider.System, Backoff.Default);
        queue.Add("pc", Key("a"));
        var group = await queue.NextGroupAsync(CancellationToken.None);
        queue.Drain(group);
        queue.Add("pc", Key("b"));

        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var whileActive = () => queue.NextGroupAsync(soon.Token);
        await whileActive.Should().ThrowAsync<OperationCanceledException>("the group is serialized while its batch runs");
        queue.Done(group);
        (await queue.NextGroupAsync(CancellationToken.None)).Should().Be("pc");
    }

    [Theory]
    [InlineData(1, 1, "first retry waits the initial delay")]
    [InlineData(3, 4, "doubles per consecutive failure")]
    [InlineData(30, 60, "capped at the maximum")]
    public void Backoff_Delay_GrowsExponentiallyAndIsCapped(int failures, int seconds, string reason) =>
        new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)).Delay(failures).Should().Be(TimeSpan.FromSeconds(seconds), reason);
}
