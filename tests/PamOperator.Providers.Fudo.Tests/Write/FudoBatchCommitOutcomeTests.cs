using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Tests.Support;
using PamOperator.Providers.Fudo.Write;
using Xunit;

namespace PamOperator.Providers.Fudo.Tests.Write;

/// <summary>Whether a failed atomic batch may have taken effect: only when its answer was lost.</summary>
public class FudoBatchCommitOutcomeTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, false, "a 429 means the PAM did not run the batch")]
    [InlineData(HttpStatusCode.ServiceUnavailable, false, "the PAM's own 5xx means it did not run the batch")]
    [InlineData(HttpStatusCode.BadGateway, true, "a gateway's answer says nothing about the PAM")]
    [InlineData(HttpStatusCode.GatewayTimeout, true, "a gateway's answer says nothing about the PAM")]
    public async Task Commit_TransientFailure_IsUnknownOnlyWhenTheAnswerWasLost(HttpStatusCode status, bool unknown, string reason)
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(status, "{}"));
        using var client = ClientFactory.Create(handler);
        await using var session = new FudoBatchSession(client, new IdRegistry(LiveState.Empty));
        await session.WriteAsync(new WriteOperation
        {
            Id = "create fudo_safe.s", Kind = TestKinds.Safe, Operation = WriteKind.Create, Key = "s", Spec = new JsonObject(),
        }, CancellationToken.None);

        var commit = await session.CommitAsync(CancellationToken.None);

        commit.Succeeded.Should().BeFalse();
        commit.OutcomeUnknown.Should().Be(unknown, reason);
        handler.Requests.Should().ContainSingle("an atomic batch is never resent");
    }
}
