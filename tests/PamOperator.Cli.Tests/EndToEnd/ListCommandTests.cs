using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary><c>pamctl list KIND</c> (alias <c>get</c>) shows the live objects a manifest may reference, from the PAM of
/// the ProviderConfig, as text or JSON; an unknown kind is PAM023 before anything is read.</summary>
public class ListCommandTests
{
    [Fact]
    public async Task List_ReferencedOnlyKinds_ShowsTheLiveObjects()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        var config = Path.Combine(ws.Manifests, "providerconfig.yaml");

        var servers = await ws.RunAsync("list", "servers", "-f", config);
        var listeners = await ws.RunAsync("get", "Listener", "-f", config);
        var users = await ws.RunAsync("list", "user", "-f", config, "-o", "json");

        servers.ExitCode.Should().Be(0, servers.All);
        servers.Out.Should().StartWith("servers in test (").And.Contain("db-prod-01");
        listeners.ExitCode.Should().Be(0, listeners.All);
        listeners.Out.Should().Contain("ssh-gw");
        users.ExitCode.Should().Be(0, users.All);
        var document = JsonNode.Parse(users.Out)!.AsArray().Single()!;
        document["kind"]!.GetValue<string>().Should().Be("User");
        document["objects"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).Should().Contain("alice");
    }

    [Fact]
    public async Task List_AfterApply_ShowsTheManagedObjects()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: listed-safe\nspec:\n  loginReason: true\n");
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);

        var safes = await ws.RunAsync("list", "safes", "-f", ws.Manifests);

        safes.ExitCode.Should().Be(0, safes.All);
        safes.Out.Should().Contain("listed-safe").And.Contain("loginReason=true");
    }

    [Fact]
    public async Task List_UnknownKind_IsPam023()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();

        var result = await ws.RunAsync("list", "gizmos", "-f", ws.Manifests);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("PAM023").And.Contain("Known kinds");
    }
}
