using static PamOperator.Providers.Fudo.Tests.Support.FudoTypes;
using FluentAssertions;
using PamOperator.Providers.Fudo.Observe;
using PamOperator.Providers.Fudo.Tests.Support;
using Xunit;

namespace PamOperator.Providers.Fudo.Tests.Mapping;

public class FudoLiveStateReaderTests
{
    private static RoutingHandler Pam() => new(new Dictionary<string, string>
    {
        ["/api/v2/safe"] = """{"result":"success","safe":[{"id":"10","name":"prod-db","required_votes":0,"builtin":false}]}""",
        ["/api/v2/user"] = """{"result":"success","user":[{"id":"1","name":"admin"},{"id":"2","name":"alice"}]}""",
        ["/api/v2/user/safe"] = """{"result":"success","user_safe":[{"id":"50","user_id":"2","safe_id":"10","password_visible":true}]}""",
        ["/api/v2/user/safe/time_policy"] = 
            """
            {"result":"success","user_safe_time_policy":[
            {"id":"7","user_id":"2","safe_id":"10","day_of_week":3,"valid_from":"09:15:00","valid_to":"14:15:00"},
            {"id":"6","user_id":"2","safe_id":"10","day_of_week":2,"valid_from":"09:00:00","valid_to":"14:00:00"}]}
            """,
    });

    [Fact]
    public async Task Observe_UserSafe_ResolvesNames_AndFoldsTimePolicyRowsIntoTheAssignment()
    {
        var handler = Pam();
        using var client = ClientFactory.Create(handler, pageSize: 100);
        var reader = new FudoLiveStateReader(client, TestKinds.All);

        var state = await reader.ObserveAsync([FudoType("user_safe")], CancellationToken.None);

        var assignment = state.Find(FudoType("user_safe"), "user=ALICE,safe=prod-db");
        assignment.Should().NotBeNull("keys compare case-insensitively, like Fudo names");
        assignment!.ExternalId.Should().Be("50");
        assignment.Spec.ToJsonString().Should().Be(
            """{"user":"alice","safe":"prod-db","passwordVisible":true,"timePolicy":[{"dayOfWeek":"Tuesday","validFrom":"09:00:00","validTo":"14:00:00"},{"dayOfWeek":"Wednesday","validFrom":"09:15:00","validTo":"14:15:00"}]}""");
    }

    [Fact]
    public async Task Observe_MakesOneListCallPerType_NeverAGetPerObject()
    {
        var handler = Pam();
        using var client = ClientFactory.Create(handler, pageSize: 100);
        var reader = new FudoLiveStateReader(client, TestKinds.All);

        await reader.ObserveAsync([FudoType("user_safe"), FudoType("safe")], CancellationToken.None);

        handler.Requests.Select(r => r.Split('?')[0]).Should().BeEquivalentTo(
            ["/api/v2/safe", "/api/v2/user", "/api/v2/user/safe", "/api/v2/user/safe/time_policy"],
            "referenced types come from their list, once each");
        handler.Requests.Should().OnlyContain(r => r.Contains("limit=100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Observe_PoolAndUser_FoldTheirServerRowsAndAuthenticationMethods_WithRowIds()
    {
        var handler = new RoutingHandler(new Dictionary<string, string>
        {
            ["/api/v2/server"] = """{"result":"success","server":[{"id":"30","name":"db-2","protocol":"ssh","address":"10.0.0.2","port":22,"mask":32},{"id":"31","name":"db-1","protocol":"ssh","address":"10.0.0.1","port":22,"mask":32}]}""",
            ["/api/v2/pool"] = """{"result":"success","pool":[{"id":"40","name":"dbs","protocol":"ssh"}]}""",
            ["/api/v2/pool/server"] = """{"result":"success","pool_server":[{"id":"41","pool_id":"40","server_id":"30"},{"id":"42","pool_id":"40","server_id":"31"}]}""",
            ["/api/v2/user"] = """{"result":"success","user":[{"id":"2","name":"alice","role":"user"}]}""",
            ["/api/v2/user/authentication"] = """{"result":"success","user_authentication_method":[{"id":"61","user_id":"2","type":"certificate","position":1,"needs_change":false,"certificate_subject":"CN=a"},{"id":"60","user_id":"2","type":"password","position":0,"needs_change":true}]}""",
        });
        using var client = ClientFactory.Create(handler, pageSize: 100);
        var reader = new FudoLiveStateReader(client, PamOperator.Providers.Fudo.Kinds.FudoKinds.All);

        var state = await reader.ObserveAsync([FudoType("pool"), FudoType("user")], CancellationToken.None);

        state.Find(FudoType("pool"), "dbs")!.Spec["servers"]!.ToJsonString().Should().Be("""[{"server":"db-1"},{"server":"db-2"}]""");
        var alice = state.Find(FudoType("user"), "alice")!;
        alice.Spec["authenticationMethods"]!.ToJsonString().Should().Be(
            """[{"type":"password","position":0,"needsChange":true},{"type":"certificate","position":1,"needsChange":false,"certificateSubject":"CN=a"}]""");
        alice.ProviderData!["authenticationMethodIds"]!.ToJsonString().Should().Be("""{"password/0":"60","certificate/1":"61"}""");
        handler.Requests.Select(r => r.Split('?')[0]).Should().BeEquivalentTo(
            ["/api/v2/server", "/api/v2/pool", "/api/v2/pool/server", "/api/v2/user", "/api/v2/user/authentication"]);
    }
}
