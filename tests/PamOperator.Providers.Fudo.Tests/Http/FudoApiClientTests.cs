using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Tests.Support;
using Xunit;
using static PamOperator.Providers.Fudo.Tests.Support.ScriptedHandler;

namespace PamOperator.Providers.Fudo.Tests.Http;

public class FudoApiClientTests
{
    [Fact]
    public async Task List_ThreePagesOfTwo_FollowsOffsetsUntilShortPage()
    {
        var handler = new ScriptedHandler(
            _ => Json(HttpStatusCode.OK, """{"result":"success","safe":[{"id":"1"},{"id":"2"}]}"""),
            _ => Json(HttpStatusCode.OK, """{"result":"success","safe":[{"id":"3"},{"id":"4"}]}"""),
            _ => Json(HttpStatusCode.OK, """{"result":"success","safe":[{"id":"5"}]}"""));
        using var client = ClientFactory.Create(handler, pageSize: 2);

        var rows = await client.ListAsync("safe", FudoColumns.For("password_change_policy", null), null, CancellationToken.None);

        rows.Select(r => r.Id).Should().Equal("1", "2", "3", "4", "5");
        handler.Requests.Select(r => r.PathAndQuery).Should().Equal(
            "/api/v2/safe?fields=id,name&limit=2&offset=0",
            "/api/v2/safe?fields=id,name&limit=2&offset=2",
            "/api/v2/safe?fields=id,name&limit=2&offset=4");
        handler.Requests.Should().OnlyContain(r => r.Authorization == "canary-api-key", "the raw key is the whole header value");
    }

    [Fact]
    public async Task Get_429WithRetryAfterThenSuccess_RetriesAndSucceeds()
    {
        var handler = new ScriptedHandler(
            _ =>
            {
                var r = Json(HttpStatusCode.TooManyRequests, """{"result":"error","message":"slow down"}""");
                r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
                return r;
            },
            _ => Json(HttpStatusCode.ServiceUnavailable, "{}"),
            _ => Json(HttpStatusCode.OK, """{"result":"success","safe":[]}"""));
        using var client = ClientFactory.Create(handler);

        var response = await client.SendAsync(HttpMethod.Get, "safe", null, CancellationToken.None);

        response.Items.Should().BeEmpty();
        handler.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Get_TransientForever_GivesUpAfterMaxRetries_WithTransientError()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.BadGateway, "{}"));
        using var client = ClientFactory.Create(handler, retries: 2);

        var act = () => client.SendAsync(HttpMethod.Get, "safe", null, CancellationToken.None);

        (await act.Should().ThrowAsync<PamApiException>()).Which.Kind.Should().Be(ApiErrorKind.Transient);
        handler.Requests.Should().HaveCount(3, "one attempt and two retries");
    }

    [Fact]
    public async Task Post_Transient_IsNotRetried()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.InternalServerError, "{}"));
        using var client = ClientFactory.Create(handler);

        var act = () => client.CreateAsync("safe", new JsonObject { ["name"] = "x" }, CancellationToken.None);

        await act.Should().ThrowAsync<PamApiException>();
        handler.Requests.Should().ContainSingle("a write may have happened; the caller decides how to recover");
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, ApiErrorKind.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ApiErrorKind.Conflict)]
    [InlineData(HttpStatusCode.Unauthorized, ApiErrorKind.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, ApiErrorKind.Unauthorized)]
    [InlineData(HttpStatusCode.BadRequest, ApiErrorKind.Invalid)]
    public async Task Delete_ErrorStatus_IsClassified(HttpStatusCode status, ApiErrorKind expected)
    {
        var handler = new ScriptedHandler(_ => Json(status, """{"result":"error","message":"nope"}"""));
        using var client = ClientFactory.Create(handler);

        var act = () => client.DeleteAsync("safe/12", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Kind.Should().Be(expected);
        error.Message.Should().Contain("DELETE /api/v2/safe/12").And.Contain("nope").And.NotContain("canary-api-key");
    }

    [Fact]
    public async Task Post_ReturnsCreatedId_FromEnvelope()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.OK, """{"result":"success","safe":{"id":"1232678819172646915"}}"""));
        using var client = ClientFactory.Create(handler);

        var id = await client.CreateAsync("safe", new JsonObject { ["name"] = "my-1st-safe" }, CancellationToken.None);

        id.Should().Be("1232678819172646915");
    }
}
