using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Endpoints;

/// <summary><c>GET /objspec/&lt;type&gt;</c> lists exactly the seed model tables' attributes, with their metadata.</summary>
public class ObjspecTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly FudoApi _api = fixture.Api;

    public static TheoryData<string> SeedModels => new(SeedSamples.ModelAttributes.Keys);

    [Theory]
    [MemberData(nameof(SeedModels))]
    public async Task Objspec_SeedModel_HasExactlyTheSeedTableAttributes(string type)
    {
        var reply = await _api.Get($"objspec/{type}");

        reply.Json[type]!.AsObject().Select(p => p.Key).Should().Equal(SeedSamples.ModelAttributes[type], "the seed table's order and names");
    }

    [Theory]
    [InlineData("user")]
    [InlineData("server")]
    [InlineData("pool")]
    [InlineData("pool_server")]
    [InlineData("listener")]
    [InlineData("password_change_policy")]
    public async Task Objspec_ReferencedModel_IsServed(string type)
    {
        var reply = await _api.Get($"objspec/{type}");

        reply.Json[type]!["name"]?["type"]?.GetValue<string>().Should().Be(type == "pool_server" ? null : "string");
        reply.Json[type]!["id"]!["readonly"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Objspec_Safe_DescribesNameDefaultsEnumsAndExpensive()
    {
        var safe = (await _api.Get("objspec/safe")).Json["safe"]!;

        safe["name"]!["required"]!.GetValue<bool>().Should().BeTrue();
        safe["name"]!["unique"]!.GetValue<bool>().Should().BeTrue();
        safe["name"]!["ignore_case"]!.GetValue<bool>().Should().BeTrue();
        safe["confirmation_timeout"]!["default"]!.GetValue<long>().Should().Be(5);
        safe["note_access"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("none", "read", "write");
        safe["accounts"]!["expensive"]!.GetValue<bool>().Should().BeTrue();
        safe["created_at"]!["readonly"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Objspec_Account_MarksSecretsProtectedAndTypeImmutable()
    {
        var account = (await _api.Get("objspec/account")).Json["account"]!;

        account["secret"]!["protected"]!.GetValue<bool>().Should().BeTrue();
        account["private_key_passphrase"]!["protected"]!.GetValue<bool>().Should().BeTrue();
        account["type"]!["immutable"]!.GetValue<bool>().Should().BeTrue();
        account["method"]!["required_if"]!.GetValue<string>().Should().Be("type == regular || type == forward");
    }

    [Fact]
    public async Task Objspec_UnknownType_Is404()
    {
        (await _api.Get("objspec/frobnicator")).Code.Should().Be(404);
    }
}
