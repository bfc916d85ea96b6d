using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Fixtures;

/// <summary>The built-in fixtures hold exactly the names the project's examples use; a seed file replaces them.</summary>
public sealed class FixtureTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly FudoApi _api = fixture.Api;
    private readonly string _directory = Directory.CreateTempSubdirectory("fudo-seed-").FullName;

    [Theory]
    [InlineData("user", "name,role", "admin:superadmin alice:user bob:user carol:user dave:user ops-lead:operator auditor:admin")]
    [InlineData("server", "name,protocol", "db-prod-01:ssh db-prod-02:ssh win-jump-01:rdp vnc-lab-01:vnc web-admin-01:http")]
    [InlineData("listener", "name,protocol,mode", "ssh-gw:ssh:proxy rdp-gw:rdp:gateway vnc-gw:vnc:proxy")]
    [InlineData("password_change_policy", "name,id,builtin", "Static:1:true rotate-30d:*:false")]
    [InlineData("pool", "name,server_names", "db-prod-pool:db-prod-01+db-prod-02")]
    public async Task DefaultFixtures_HoldExactlyTheDocumentedObjects(string type, string fields, string expected)
    {
        var items = (await _api.Get($"{type}?fields={fields}")).Json[type]!.AsArray();

        var actual = items.Select(i => string.Join(':', fields.Split(',').Select(f => f == "id" && i![f]!.GetValue<string>() != "1" ? "*"
            : i![f] is System.Text.Json.Nodes.JsonArray a ? string.Join('+', a.Select(v => v!.GetValue<string>())) : i[f]!.ToString())));
        actual.Should().BeEquivalentTo(expected.Split(' '));
    }

    [Fact]
    public async Task DefaultFixtures_AdminIsBuiltin_OthersAreNot()
    {
        var users = (await _api.Get("user?fields=name,builtin")).Json["user"]!.AsArray();

        users.Where(u => u!["builtin"]!.GetValue<bool>()).Select(u => u!["name"]!.GetValue<string>()).Should().Equal("admin");
    }

    [Fact]
    public async Task SeedFile_ReplacesTheDefaults_AndResolvesReferencesByName()
    {
        var seed = Write("custom.yaml", """
            users: [{ name: zoe, role: operator }]
            servers: [{ name: app-01, protocol: ssh, address: 10.1.1.1, port: 22 }]
            safes: [{ name: team-safe, ssh: { x11: false } }]
            accounts: [{ name: app-root, type: regular, server: app-01, method: password, login: root }]
            user_safes: [{ user: zoe, safe: team-safe }]
            """);
        await using var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions { SeedFile = seed });
        using var api = new FudoApi(simulator);

        (await api.Get("user?fields=name")).Json["user"]!.AsArray().Select(u => u!["name"]!.GetValue<string>()).Should().Equal("zoe");
        (await api.Get("safe?fields=ssh_x11")).Json["safe"]![0]!["ssh_x11"]!.GetValue<bool>().Should().BeFalse();
        (await api.Get("account?fields=server_name")).Json["account"]![0]!["server_name"]!.GetValue<string>().Should().Be("app-01");
        (await api.Get("user/safe?fields=user_name,safe_name")).Json["user_safe"]![0]!["safe_name"]!.GetValue<string>().Should().Be("team-safe");
    }

    [Theory]
    [InlineData("gizmos: [{ name: g }]", "unknown section 'gizmos'")]
    [InlineData("accounts: [{ name: a, type: regular, server: nowhere, method: password, login: x }]", "no server named 'nowhere'")]
    [InlineData("safes: [{ name: s, colour: red }]", "unknown attribute 'colour'")]
    [InlineData("safes: [{ name: [", "not a fixtures document")]
    [InlineData("password_change_policies: [{ id: \"1\", name: a }, { id: \"1\", name: b }]", "id 1 is not free")]
    public async Task InvalidSeedFile_IsReported_AndRefusedAtStart(string yaml, string problem)
    {
        var options = new FudoSimulatorOptions { SeedFile = Write("bad.yaml", yaml) };

        var start = async () => await FudoSimulator.StartAsync(options);

        options.Validate().Should().ContainSingle().Which.Should().Contain(problem);
        await start.Should().ThrowAsync<ArgumentException>();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
