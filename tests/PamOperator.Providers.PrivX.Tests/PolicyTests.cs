using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Providers.PrivX.Tests.Support;
using Xunit;

namespace PamOperator.Providers.PrivX.Tests;

/// <summary>The "done when", end to end through pamctl over HTTP to the PrivX simulator.</summary>
public class PolicyTests
{
    private const string Alice = "6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1001";
    private const string Bob = "6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1002";
    private const string Carol = "6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1003";
    private const string Staging = "6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1004";

    [Fact]
    public async Task Examples_Converge_AndANewMatchingConnectionIsCoveredByTheNextPlan()
    {
        await using var rig = await PrivXRig.StartAsync();
        CopyExamples(rig);

        var first = Updates(await rig.RunAsync("plan", "-f", rig.PathOf("pam"), "-o", "json"));
        var apply = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
        var clean = await rig.RunAsync("plan", "-f", rig.PathOf("pam"), "--detailed-exitcode");
        var added = (await rig.AddConnectionsAsync(
            new JsonObject { ["target_host_data"] = new JsonObject { ["common_name"] = "db-prod-02" }, ["target_host_account"] = "postgres" },
            new JsonObject { ["target_host_data"] = new JsonObject { ["common_name"] = "db-staging-01" }, ["target_host_account"] = "postgres" }))[0];
        var next = Updates(await rig.RunAsync("plan", "-f", rig.PathOf("pam"), "-o", "json"));
        var second = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
        var state = await rig.StateAsync();

        first.Keys.Should().BeEquivalentTo($"privx_connection_access_grant.auditors-prod[{Alice}]", $"privx_connection_access_grant.auditors-prod[{Bob}]",
            $"privx_connection_access_grant.auditors-prod[{Carol}]");
        first[$"privx_connection_access_grant.auditors-prod[{Alice}]"].Should().Contain("\"tags\":[\"legacy\",\"pci\",\"audited\"]", "a tag put there by hand stays");
        apply.Exit.Should().Be(0, apply.Out + apply.Error);
        clean.Exit.Should().Be(0, clean.Out + clean.Error);
        next.Keys.Should().Equal([$"privx_connection_access_grant.auditors-prod[{added}]"], "only the new production connection is selected");
        second.Exit.Should().Be(0, second.Out + second.Error);
        state[added].Should().Be("roles=[auditors] tags=[audited,pci,~pamctl/grant/auditors-prod/" + await rig.RoleIdAsync("auditors")
            + ",~pamctl/tag/pci-prod-db/audited,~pamctl/tag/pci-prod-db/pci]");
    }

    [Fact]
    public async Task HandMadeGrants_InsideAndOutsideTheSelector_AreNeverRevoked()
    {
        await using var rig = await PrivXRig.StartAsync();
        await rig.GrantByHandAsync(Staging, "auditors");
        await rig.GrantByHandAsync(Alice, "auditors");
        rig.Write("pam/grant.yaml", PrivXRig.Grant("auditors-prod", "auditors", "targetHosts: [db-prod-01, db-prod-02]"));

        var apply = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
        rig.Write("pam/grant.yaml", PrivXRig.Grant("auditors-prod", "auditors", "targetHosts: [db-prod-02]"));
        var narrowed = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
        var afterNarrowing = await rig.StateAsync();
        File.Delete(rig.PathOf("pam/grant.yaml"));
        var withoutPrune = await rig.RunAsync("plan", "-f", rig.PathOf("pam"), "--detailed-exitcode");
        rig.WriteProviderConfig(prune: true);
        var pruned = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
        var end = await rig.StateAsync();

        apply.Exit.Should().Be(0, apply.Out + apply.Error);
        apply.Out.Should().Contain("1 changed", "alice's connection was granted by hand already: only bob's needs a grant");
        narrowed.Exit.Should().Be(0, narrowed.Out + narrowed.Error);
        afterNarrowing[Alice].Should().StartWith("roles=[auditors]", "the hand-made grant on a connection that left the selection stays");
        afterNarrowing[Staging].Should().StartWith("roles=[auditors,example-admins]", "a hand-made grant outside the selector is left alone");
        withoutPrune.Exit.Should().Be(0, "without prune, what a manifest no longer in the input made is left alone: " + withoutPrune.Out);
        pruned.Exit.Should().Be(0, pruned.Out + pruned.Error);
        pruned.Out.Should().Contain("1 changed").And.Contain("no longer declared (pruned)");
        end[Bob].Should().Be("roles=[] tags=[]", "the grant the manifest made is revoked, with its record");
        end[Alice].Should().Be("roles=[auditors] tags=[legacy]");
        end[Staging].Should().Be("roles=[auditors,example-admins] tags=[]");
    }

    [Fact]
    public async Task ConnectionTags_RemovesOnlyTheTagsItAdded_AndSharedTagsStayWhileOwned()
    {
        await using var rig = await PrivXRig.StartAsync();
        rig.Write("pam/a.yaml", PrivXRig.Tags("prod-a", "targetHosts: [db-prod-01]", "pci", "audited"));
        rig.Write("pam/b.yaml", PrivXRig.Tags("prod-b", "targetHosts: [db-prod-01, db-prod-02]", "pci"));

        var apply = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
        rig.Write("pam/a.yaml", PrivXRig.Tags("prod-a", "targetHosts: [db-prod-01]", "legacy"));
        var changed = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
        var end = await rig.StateAsync();

        apply.Exit.Should().Be(0, apply.Out + apply.Error);
        changed.Exit.Should().Be(0, changed.Out + changed.Error);
        end[Alice].Should().Be("roles=[] tags=[legacy,pci,~pamctl/tag/prod-b/pci]",
            "audited (only prod-a's) goes; pci stays for prod-b; legacy was there by hand, so prod-a never owns it");
        end[Bob].Should().Be("roles=[] tags=[pci,~pamctl/tag/prod-b/pci]");
    }

    [Fact]
    public async Task Selector_EveryCriterion_AgreesWithTheServersSearch()
    {
        await using var rig = await PrivXRig.StartAsync();
        var (role, staging) = (await rig.RoleIdAsync("example-admins"), "db-staging-01");
        var cases = new (string Manifest, JsonObject Search)[]
        {
            ("keywords: alice prod", new JsonObject { ["keywords"] = "alice prod" }),
            ("types: [rdp]", new JsonObject { ["type"] = new JsonArray("rdp") }),
            ("authenticationMethods: [CERT]", new JsonObject { ["authentication_method"] = new JsonArray("CERT") }),
            ("users: [bob@example.com]", new JsonObject { ["user_display_name"] = new JsonArray("bob@example.com") }),
            ("userRoles: [example-admins]", new JsonObject { ["user_roles"] = new JsonArray(role) }),
            ("targetHostRoles: [example-admins]", new JsonObject { ["target_host_roles"] = new JsonArray(role) }),
            ("targetHostAddresses: [10.1.0.11]", new JsonObject { ["target_host_address"] = new JsonArray("10.1.0.11") }),
            ("targetHostAccounts: [root]", new JsonObject { ["target_host_account"] = new JsonArray("root") }),
            ("remoteAddresses: [192.0.2.2]", new JsonObject { ["remote_address"] = new JsonArray("192.0.2.2") }),
            ("statuses: [connected]", new JsonObject { ["status"] = new JsonArray("connected") }),
            ("tags: [legacy]", new JsonObject { ["tags"] = new JsonArray("legacy") }),
            ("hasAccessRoles: true", new JsonObject { ["has_access_roles"] = true }),
            ("ids: [6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1005]", new JsonObject { ["id"] = new JsonArray("6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1005") }),
            ("connectedAfter: \"2026-11-22T00:00:00Z\"", new JsonObject { ["connected"] = new JsonObject { ["start"] = "2026-11-22T00:00:00Z" } }),
            ("connectedBefore: \"2026-11-22T00:00:00Z\"", new JsonObject { ["connected"] = new JsonObject { ["end"] = "2026-11-22T00:00:00Z" } }),
        };
        var hosts = await rig.SendAsync(HttpMethod.Get, "host-store/api/v1/hosts");
        var stagingId = (string)hosts!["items"]!.AsArray().Single(h => (string)h!["common_name"]! == staging)!["id"]!;

        foreach (var (manifest, search) in cases.Append(($"targetHosts: [{staging}]", new JsonObject { ["target_host_id"] = new JsonArray(stagingId) })))
        {
            rig.Write("pam/tags.yaml", PrivXRig.Tags("probe", manifest, "probe"));
            var planned = Updates(await rig.RunAsync("plan", "-f", rig.PathOf("pam"), "-o", "json")).Keys.Select(k => k[^37..^1]);
            var found = (await rig.SendAsync(HttpMethod.Post, $"{PrivXRig.Connections}/search?limit=100", search))!["items"]!.AsArray().Select(i => (string)i!["id"]!);

            planned.Should().BeEquivalentTo(found, $"selector {manifest} selects what the server's search finds");
        }
    }

    internal static void CopyExamples(PrivXRig rig)
    {
        var examples = Path.Combine(Repo(), "examples", "privx");
        foreach (var file in Directory.GetFiles(examples, "*.yaml"))
        {
            rig.Write(Path.Combine("pam", Path.GetFileName(file)), File.ReadAllText(file));
        }
    }

    internal static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PamOperator.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }

    /// <summary>Updates of a JSON plan: address to the change's after object.</summary>
    internal static Dictionary<string, string> Updates((int Exit, string Out, string Error) plan) =>
        JsonNode.Parse(plan.Out)!["resource_changes"]!.AsArray()
            .Where(c => c!["change"]!["actions"]!.AsArray().Any(a => (string)a! == "update"))
            .ToDictionary(c => (string)c!["address"]!, c => c!["change"]!["after"]!.ToJsonString());
}
