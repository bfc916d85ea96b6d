using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.AccessChain;

/// <summary>Servers, pools and listeners as the access chain needs them: their model rules, protocol groups, write-only
/// keys, derived pool membership, and the name case rule shared by uniqueness and <c>filter=name.eq(...)</c>.</summary>
public class ServerListenerTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly FudoApi _api = fixture.Api;

    [Fact]
    public async Task Server_AddressMaskPortUnique_ProtocolImmutable_GroupsFlat()
    {
        var id = await _api.Create("server", new
        {
            name = "srv-http", protocol = "HTTP", address = "10.7.0.1", port = 443, bind_ip = "10.0.0.5",
            http = new { host = "intranet.example.com", timeout = 900 }, tls = new { enabled = true },
        });
        var same = await _api.Post("server", new { name = "srv-http-2", protocol = "http", address = "10.7.0.1", port = 443 });
        var otherMask = await _api.Post("server", new { name = "srv-http-3", protocol = "http", address = "10.7.0.1", port = 443, mask = 24 });
        var reprotocol = await _api.Patch("server/" + id, new { protocol = "ssh" });
        var hostKeyOnHttp = await _api.Patch("server/" + id, new { ssh_public_key = "ssh-ed25519 AAAA" });
        var read = (await _api.Get($"server/{id}?fields=protocol,http_host,http_timeout,tls_enabled,mask,bind_ip")).Json["server"]!;

        same.Code.Should().Be(409);
        otherMask.Code.Should().Be(200);
        reprotocol.Code.Should().Be(400);
        hostKeyOnHttp.Code.Should().Be(400);
        read["protocol"]!.GetValue<string>().Should().Be("http", "the protocol enum is case-insensitive and stored as listed");
        read["http_host"]!.GetValue<string>().Should().Be("intranet.example.com");
        read["http_timeout"]!.GetValue<long>().Should().Be(900);
        read["tls_enabled"]!.GetValue<bool>().Should().BeTrue();
        read["mask"]!.GetValue<long>().Should().Be(32);
    }

    [Fact]
    public async Task PoolServer_Rows_ShowInPoolsAndServers()
    {
        var pool = await _api.Create("pool", new { name = "chain-pool", protocol = "ssh" });
        var server = await _api.Create("server", new { name = "chain-srv", protocol = "ssh", address = "10.7.1.1", port = 22 });
        (await _api.Post("pool/server", new { pool_id = pool, server_id = server })).Code.Should().Be(200);

        var poolRead = (await _api.Get($"pool/{pool}?fields=server_names")).Json["pool"]!;
        var serverRead = (await _api.Get($"server/{server}?fields=pools_names")).Json["server"]!;
        var rows = (await _api.Get($"pool/server?filter=pool_id.eq({pool})&fields=server_name")).Json["pool_server"]!.AsArray();

        poolRead["server_names"]![0]!.GetValue<string>().Should().Be("chain-srv");
        serverRead["pools_names"]![0]!.GetValue<string>().Should().Be("chain-pool");
        rows.Single()!["server_name"]!.GetValue<string>().Should().Be("chain-srv");
    }

    [Theory]
    [InlineData("proxy without a port", """{"name":"l1","protocol":"ssh","mode":"proxy"}""", "listen_port is required")]
    [InlineData("gateway without an interface", """{"name":"l2","protocol":"rdp","mode":"gateway"}""", "listen_interface is required")]
    [InlineData("an external address alone", """{"name":"l3","protocol":"ssh","mode":"proxy","listen_port":2300,"external_address":"gw.example.com"}""", "together")]
    [InlineData("an SSH host key on an RDP listener", """{"name":"l4","protocol":"rdp","mode":"gateway","listen_interface":"net0","ssh":{"private_key":"k"}}""", "apply only to ssh")]
    [InlineData("a TLS key without TLS", """{"name":"l5","protocol":"http","mode":"proxy","listen_port":8443,"tls_private_key":"k"}""", "tls_enabled")]
    [InlineData("a passphrase without a key", """{"name":"l6","protocol":"ssh","mode":"proxy","listen_port":2301,"private_key_passphrase":"p"}""", "requires a private key")]
    public async Task Listener_BrokenModelRules_Are400(string reason, string body, string message)
    {
        var reply = await _api.Send(HttpMethod.Post, "listener", body);

        reply.Code.Should().Be(400, reason);
        reply.Text.Should().Contain(message, reason);
    }

    [Fact]
    public async Task Listener_HostKeyIsWriteOnly_ModeIsCaseInsensitive()
    {
        var id = await _api.Create("listener", new
        {
            name = "chain-ssh-gw", protocol = "ssh", mode = "PROXY", listen_port = 2322,
            ssh = new { private_key = "-----BEGIN OPENSSH PRIVATE KEY-----canary", public_key = "ssh-ed25519 AAAApub" },
            private_key_passphrase = "canary-pass",
        });

        var read = await _api.Get($"listener/{id}?fields=mode,ssh_public_key,listen_ip");
        var asked = await _api.Get($"listener/{id}?fields=ssh_private_key");

        read.Text.Should().NotContain("canary");
        read.Json["listener"]!["mode"]!.GetValue<string>().Should().Be("proxy");
        read.Json["listener"]!["listen_ip"]!.GetValue<string>().Should().Be("0.0.0.0");
        asked.Code.Should().Be(400);
    }

    [Theory]
    [InlineData("server", """{"name":"Case-Srv","protocol":"ssh","address":"10.7.2.1","port":22}""", """{"name":"CASE-SRV","protocol":"ssh","address":"10.7.2.2","port":22}""")]
    [InlineData("listener", """{"name":"Case-Gw","protocol":"ssh","mode":"proxy","listen_port":2400}""", """{"name":"case-gw","protocol":"ssh","mode":"proxy","listen_port":2401}""")]
    [InlineData("user", """{"name":"Case-User"}""", """{"name":"CASE-user"}""")]
    [InlineData("pool", """{"name":"Case-Pool"}""", """{"name":"case-POOL"}""")]
    public async Task NameCase_UniquenessAndEqFilterAgree(string collection, string first, string second)
    {
        (await _api.Send(HttpMethod.Post, collection, first)).Code.Should().Be(200);
        var otherCase = System.Text.Json.Nodes.JsonNode.Parse(second)!["name"]!.GetValue<string>();

        var found = (await _api.Get($"{collection}?filter=name.eq({otherCase})&fields=name")).Json[collection]!.AsArray();
        var conflict = await _api.Send(HttpMethod.Post, collection, second);

        found.Should().ContainSingle("eq on the ignore_case name finds the object that blocks the create");
        conflict.Code.Should().Be(409, "names are unique case-insensitively");
    }
}
