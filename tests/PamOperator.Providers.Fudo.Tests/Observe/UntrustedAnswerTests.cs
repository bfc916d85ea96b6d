using static PamOperator.Providers.Fudo.Tests.Support.FudoTypes;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Tests.Support;
using PamOperator.Providers.Fudo.Write;
using PamOperator.TestSupport.Http;
using Xunit;

namespace PamOperator.Providers.Fudo.Tests.Observe;

/// <summary>
/// S1 item 2: a list answer is believed only with Fudo's success envelope and the documented shape. Each hostile
/// answer below used to read as "nothing exists" (or as an id to build paths from); now observe fails with the one
/// untrusted-answer failure, so the run never plans or writes. Real HTTP to a hostile server on 127.0.0.1.
/// </summary>
public class UntrustedAnswerTests
{
    [Theory]
    [InlineData("""{"result":"error"}""", "result is not", "HTTP 200 with the error envelope")]
    [InlineData("""{"result":"error","safe":[]}""", "result is not", "an error envelope with an empty list")]
    [InlineData("""{"result":"success"}""", "no list", "the list is missing")]
    [InlineData("""{"safe":[]}""", "no success envelope", "the envelope is missing")]
    [InlineData("null", "not the Fudo envelope", "null")]
    [InlineData("", "empty body", "an empty body")]
    [InlineData("""{"result":"success","safe":{}}""", "not an array", "an object instead of an array")]
    [InlineData("""{"result":"success","safe":null}""", "not an array", "null instead of an array")]
    [InlineData("""{"result":"success","safe":["prod-db"]}""", "not an object", "items of the wrong type")]
    [InlineData("""{"result":"success","safe":[{"id":"10","name":7}]}""", "'name'", "a field of the wrong type")]
    [InlineData("""{"result":"success","safe":[{"id":"10","name":"x","blocked":"maybe"}]}""", "'blocked'", "a boolean that is not one")]
    [InlineData("""{"result":"success","safe":[{"id":"10","name":"x","required_votes":{"n":1}}]}""", "'required_votes'", "an object for an integer")]
    [InlineData("""{"result":"success","safe":[{"name":"prod-db"}]}""", "no id", "an item without an id")]
    [InlineData("""{"result":"success","safe":[{"id":null,"name":"prod-db"}]}""", "'id'", "a null id")]
    [InlineData("""{"result":"success","safe":[{"id":"../user/1","name":"prod-db"}]}""", "'id'", "an id that is a path")]
    [InlineData("""{"result":"success","safe":[{"id":"","name":"prod-db"}]}""", "'id'", "an empty id")]
    [InlineData("<!DOCTYPE html><html><body>Please sign in</body></html>", "not JSON", "a proxy's HTML page")]
    [InlineData("""{"result":"success","safe":[{"id":"10" """, "not JSON", "malformed (truncated) JSON")]
    [InlineData("""{"result":"success","safe":[]} {"more":1}""", "not JSON", "two JSON values")]
    [InlineData("""{"result":"success","safe":[""", "not JSON", "a body cut inside the list")]
    public async Task Observe_HostileListAnswer_IsOneUntrustedAnswerFailure_AndNothingIsWritten(string body, string what, string reason)
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, body));
        using var provider = Provider(pam);

        var act = () => provider.Reader.ObserveAsync([FudoType("safe")], CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>(reason)).Which;
        error.Kind.Should().Be(ApiErrorKind.UntrustedAnswer, reason);
        error.Message.Should().StartWith("the PAM answered something pamctl cannot trust").And.Contain(what).And.Contain("GET /api/v2/safe");
        error.Message.Should().NotContain("canary-api-key").And.NotContain("sign in");
        pam.WriteRequests.Should().Be(0);
    }

    [Fact]
    public async Task Observe_WellFormedAnswer_IsBelieved()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200,
            """{"result":"success","safe":[{"id":"10","name":"prod-db","required_votes":"2","blocked":"false","extra":{"ignored":[1,2]}}]}"""));
        using var provider = Provider(pam);

        var state = await provider.Reader.ObserveAsync([FudoType("safe")], CancellationToken.None);

        state.Find(FudoType("safe"), "prod-db")!.Spec.ToJsonString().Should().Be("""{"requiredVotes":2,"blocked":false}""",
            "Fudo's numbers and booleans as strings are its documented habit; unknown attributes are skipped");
    }

    [Theory]
    [InlineData("../user/1")]
    [InlineData("1/../../user/1")]
    [InlineData("")]
    [InlineData("12\n")]
    public void Delete_WithAnIdThatIsNotAFudoId_BuildsNoPath(string id)
    {
        var operation = new WriteOperation
        {
            Id = "delete safe.x", Kind = TestKinds.Safe, Operation = WriteKind.Delete, Key = "x", ExternalId = id,
            LiveSpec = new JsonObject(),
        };

        var act = () => FudoRequestBuilder.Build(operation, new IdRegistry(new LiveState([])));

        act.Should().Throw<PamApiException>().Which.Kind.Should().Be(ApiErrorKind.UntrustedAnswer);
    }

    [Fact]
    public async Task Create_AnswerWithAnIdThatIsNotAFudoId_IsUntrusted()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, """{"result":"success","safe":{"id":"../user/1"}}"""));
        using var client = new PamOperator.Providers.Fudo.Http.FudoApiClient(Options(pam));

        var act = () => client.CreateAsync("safe", new JsonObject { ["name"] = "x" }, CancellationToken.None);

        (await act.Should().ThrowAsync<PamApiException>()).Which.Kind.Should().Be(ApiErrorKind.UntrustedAnswer);
    }

    private static FudoProvider Provider(HostileServer pam) => FudoProvider.Create(Options(pam), TestKinds.All);

    private static FudoClientOptions Options(HostileServer pam) => new()
    {
        Endpoint = pam.BaseAddress, ApiKey = "canary-api-key", RetryBaseDelay = TimeSpan.FromMilliseconds(1),
    };
}
