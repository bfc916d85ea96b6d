using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Batch;

/// <summary><c>POST /batch</c>: atomicity, per-request override, substitutions, validation of the batch itself.</summary>
public class BatchTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly FudoApi _api = fixture.Api;

    [Fact]
    public async Task AtomicBatch_FailingRequestInTheMiddle_LeavesNothingBehind()
    {
        await _api.Create("safe", new { name = "batch-taken" });
        var before = await StateDigest.TakeAsync(_api);

        var reply = await _api.Post("batch", new
        {
            atomic = true,
            requests = new object[]
            {
                new { id = "r1", method = "POST", endpoint = "/safe", data = new { name = "batch-new-1" } },
                new { id = "r2", method = "POST", endpoint = "/safe", data = new { name = "BATCH-TAKEN" } },
                new { id = "r3", method = "POST", endpoint = "/safe", data = new { name = "batch-new-3" } },
            },
        });

        var responses = reply.Json["responses"]!.AsArray();
        reply.Code.Should().Be(200);
        reply.Json["result"]!.GetValue<string>().Should().Be("error");
        responses.Select(r => r!["status"]!.GetValue<int>()).Should().Equal(200, 409, 424);
        responses[0]!["reverted"]!.GetValue<bool>().Should().BeTrue();
        (await StateDigest.TakeAsync(_api)).Should().Be(before, "an atomic batch is all or nothing");
    }

    [Fact]
    public async Task AtomicBatch_Substitutions_CreateAnObjectGraphInOneGo()
    {
        var reply = await _api.Post("batch", new
        {
            atomic = true,
            variables = new { user = await _api.IdOf("user", "alice"), server = await _api.IdOf("server", "db-prod-01"), prefix = "sub" },
            requests = new object[]
            {
                new { id = "safe-1", method = "POST", endpoint = "/safe", data = new { name = "{prefix}-safe" } },
                new { id = "acc:1", method = "POST", endpoint = "/account", data = new { name = "{prefix}-acc", type = "regular", server_id = "{server}", method = "password", login = "x" } },
                new { id = "us_1", method = "POST", endpoint = "/user/safe", data = new { user_id = "{user}", safe_id = "{safe-1.safe.id}" } },
                new { id = "asl", method = "POST", endpoint = "/account/safe/listener", data = new { account_id = "{acc:1.account.id}", safe_id = "{safe-1.safe.id}" } },
                new { id = "patch", method = "PATCH", endpoint = "/safe/{safe-1.safe.id}", data = new { time_limit = 60 } },
                new { id = "read", method = "GET", endpoint = "/safe", @params = new { filter = "name.eq({prefix}-safe)", fields = "time_limit,accounts" } },
            },
        });

        reply.Json["result"]!.GetValue<string>().Should().Be("success", reply.Text);
        var read = reply.Json["responses"]![5]!;
        read["safe"]![0]!["time_limit"]!.GetValue<long>().Should().Be(60);
        read["safe"]![0]!["accounts"]!.AsArray().Should().ContainSingle();
        (await _api.Get($"user/{await _api.IdOf("user", "alice")}/safe/{await _api.IdOf("safe", "sub-safe")}")).Code.Should().Be(200);
    }

    [Fact]
    public async Task NonAtomicBatch_FailureInTheMiddle_KeepsTheOthers()
    {
        var reply = await _api.Post("batch", new
        {
            requests = new object[]
            {
                new { id = "a", method = "POST", endpoint = "/safe", data = new { name = "loose-1" } },
                new { id = "b", method = "POST", endpoint = "/safe", data = new { colour = "red" } },
                new { id = "c", method = "POST", endpoint = "/safe", data = new { name = "loose-3" } },
            },
        });

        reply.Json["responses"]!.AsArray().Select(r => r!["status"]!.GetValue<int>()).Should().Equal(200, 400, 200);
        (await _api.Get("safe?filter=name.in(loose-1,loose-3)")).Json["safe"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task AtomicBatch_RequestMarkedNonAtomic_MayFailWithoutAbortingTheBatch()
    {
        var reply = await _api.Post("batch", new
        {
            atomic = true,
            requests = new object[]
            {
                new { id = "a", method = "POST", endpoint = "/safe", data = new { name = "opt-1" } },
                new { id = "b", method = "DELETE", endpoint = "/safe/42", atomic = false },
                new { id = "c", method = "POST", endpoint = "/safe", data = new { name = "opt-3" } },
            },
        });

        reply.Json["responses"]!.AsArray().Select(r => r!["status"]!.GetValue<int>()).Should().Equal(200, 404, 200);
        (await _api.Get("safe?filter=name.in(opt-1,opt-3)")).Json["safe"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task Batch_UnresolvableReference_FailsThatRequest()
    {
        var reply = await _api.Post("batch", new
        {
            atomic = true,
            requests = new object[]
            {
                new { id = "a", method = "POST", endpoint = "/account/safe/listener", data = new { account_id = "1", safe_id = "1" } },
                new { id = "b", method = "PATCH", endpoint = "/safe/{a.safe.id}", data = new { time_limit = 1 } },
            },
        });

        reply.Json["responses"]![0]!["status"]!.GetValue<int>().Should().Be(400);
        reply.Json["responses"]![1]!["status"]!.GetValue<int>().Should().Be(424, "the batch stopped at the first failure");
    }

    public static TheoryData<string, string> InvalidBatches => new()
    {
        { "ids use [a-zA-Z0-9-:_] only", """{"requests":[{"id":"a b","method":"GET","endpoint":"/safe"}]}""" },
        { "ids are unique", """{"requests":[{"id":"a","method":"GET","endpoint":"/safe"},{"id":"a","method":"GET","endpoint":"/user"}]}""" },
        { "methods are GET, POST, PATCH, DELETE", """{"requests":[{"id":"a","method":"PUT","endpoint":"/safe"}]}""" },
        { "an endpoint is required", """{"requests":[{"id":"a","method":"GET"}]}""" },
        { "atomic is a boolean", """{"atomic":"yes","requests":[]}""" },
        { "unknown batch attributes", """{"transaction":true,"requests":[]}""" },
        { "requests is an array", """{"requests":{}}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidBatches))]
    public async Task InvalidBatch_Is400_AndRunsNothing(string reason, string body)
    {
        var before = await StateDigest.TakeAsync(_api);

        var reply = await _api.Post("batch", body.Replace("\"requests\":[]", "\"requests\":[{\"method\":\"POST\",\"endpoint\":\"/safe\",\"data\":{\"name\":\"never\"}}]", StringComparison.Ordinal));

        reply.Code.Should().Be(400, reason);
        (await StateDigest.TakeAsync(_api)).Should().Be(before, reason);
    }

    [Fact]
    public async Task NestedBatch_IsRefused()
    {
        var reply = await _api.Post("batch", new { requests = new[] { new { method = "POST", endpoint = "/batch", data = new JsonObject() } } });

        reply.Json["responses"]![0]!["status"]!.GetValue<int>().Should().Be(400);
    }
}
