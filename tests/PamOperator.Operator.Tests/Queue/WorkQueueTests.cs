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

    [Fact]
    public void Pending_CountsTheDistinctKeysWaitingForTheGroupsNextBatch()
    {
        var queue = new WorkQueue(TimeProvider.System, Backoff.Default);
        queue.Add("pc", Key("a"));
        queue.Add("pc", Key("a"));
        queue.Add("pc", Key("b"));
        queue.Add("other", Key("c"));

        queue.Pending("pc").Should().Be(2, "a key added twice waits once");
        queue.Drain("pc");
        queue.Pending("pc").Should().Be(0);
        queue.Pending("other").Should().Be(1);
        queue.Pending("none").Should().Be(0);
    }

    [Theory]
    [InlineData(1, 1, 200, false, "nothing arrived during the window: a single change waits one window only")]
    [InlineData(1, 40, 200, true, "keys still arriving: another window")]
    [InlineData(40, 90, 1800, true, "another window still ends within the bound")]
    [InlineData(40, 90, 1900, false, "another window would pass the bound: start anyway")]
    public void KeepSettling_WaitsWhileKeysArrive_UpToTheBound(int before, int after, int waitedMs, bool expected, string reason) =>
        WorkQueue.KeepSettling(before, after, TimeSpan.FromMilliseconds(waitedMs), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2))
            .Should().Be(expected, reason);

    [Theory]
    [InlineData(1, 1, "first retry waits the initial delay")]
    [InlineData(3, 4, "doubles per consecutive failure")]
    [InlineData(30, 60, "capped at the maximum")]
    public void Backoff_Delay_GrowsExponentiallyAndIsCapped(int failures, int seconds, string reason) =>
        new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)).Delay(failures).Should().Be(TimeSpan.FromSeconds(seconds), reason);
}
